namespace EarthData.Core.Catalog;

/// <summary>The property is absent or JSON null.</summary>
/// <param name="Property">Item property.</param>
public sealed record CqlIsNull(string Property) : CqlExpression;
