using System.Text.Json;
using System.Text.Json.Serialization;

namespace EarthData.Core.Stac;

/// <summary>A STAC catalog: the root of the static catalogue or of the STAC API landing page.</summary>
public sealed record StacCatalog
{
    /// <summary>Always <c>Catalog</c>.</summary>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-10)]
    public string Type { get; init; } = "Catalog";

    /// <summary>STAC version.</summary>
    [JsonPropertyName("stac_version")]
    [JsonPropertyOrder(-9)]
    public string StacVersion { get; init; } = StacJson.Version;

    /// <summary>Schema URIs of the extensions used.</summary>
    [JsonPropertyName("stac_extensions")]
    [JsonPropertyOrder(-8)]
    public IReadOnlyList<string> StacExtensions { get; init; } = [];

    /// <summary>Catalog id.</summary>
    [JsonPropertyName("id")]
    [JsonPropertyOrder(-7)]
    public required string Id { get; init; }

    /// <summary>Title.</summary>
    [JsonPropertyName("title")]
    [JsonPropertyOrder(-6)]
    public string? Title { get; init; }

    /// <summary>Description; must not be empty.</summary>
    [JsonPropertyName("description")]
    [JsonPropertyOrder(-5)]
    public required string Description { get; init; }

    /// <summary>Links (<c>self</c>, <c>root</c>, <c>child</c> …).</summary>
    [JsonPropertyName("links")]
    [JsonPropertyOrder(-4)]
    public IReadOnlyList<StacLink> Links { get; init; } = [];

    /// <summary>Other top-level fields (<c>conformsTo</c> of an API landing page, …).</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Fields { get; init; }
}
