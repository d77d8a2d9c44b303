namespace EarthData.Storage.Catalog;

/// <summary>A parameter value to send as PostgreSQL <c>jsonb</c>.</summary>
/// <param name="Json">The JSON text.</param>
internal sealed record JsonbValue(string Json);
