using System.Text.Json.Serialization;

namespace EarthData.Core.Stac;

/// <summary>An organisation that produced, processed or hosts the data.</summary>
/// <param name="Name">Organisation name.</param>
/// <param name="Roles">Roles: <c>licensor</c>, <c>producer</c>, <c>processor</c>, <c>host</c>.</param>
/// <param name="Url">Home page.</param>
/// <param name="Description">What the provider did.</param>
public sealed record StacProvider(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("roles")] IReadOnlyList<string>? Roles = null,
    [property: JsonPropertyName("url")] string? Url = null,
    [property: JsonPropertyName("description")] string? Description = null);
