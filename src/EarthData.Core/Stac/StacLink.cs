using System.Text.Json;
using System.Text.Json.Serialization;

namespace EarthData.Core.Stac;

/// <summary>A STAC link object.</summary>
public sealed record StacLink
{
    /// <summary>Creates a link.</summary>
    /// <param name="rel">Relation type (<c>self</c>, <c>root</c>, <c>parent</c>, <c>collection</c>, <c>item</c>, <c>child</c>, …).</param>
    /// <param name="href">Target; <c>self</c> links must be absolute.</param>
    /// <param name="type">Media type of the target, when known.</param>
    /// <param name="title">Human-readable title.</param>
    [JsonConstructor]
    public StacLink(string rel, string href, string? type = null, string? title = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rel);
        ArgumentException.ThrowIfNullOrWhiteSpace(href);
        Rel = rel;
        Href = href;
        Type = type;
        Title = title;
    }

    /// <summary>Relation type.</summary>
    [JsonPropertyName("rel")]
    public string Rel { get; init; }

    /// <summary>Target URI (absolute or relative).</summary>
    [JsonPropertyName("href")]
    public string Href { get; init; }

    /// <summary>Media type of the target.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>Title of the target.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; init; }

    /// <summary>Other link fields (<c>method</c>, <c>body</c>, extension fields).</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Fields { get; init; }

    /// <summary>Media type of STAC JSON documents.</summary>
    public const string JsonMediaType = "application/json";

    /// <summary>Media type of a GeoJSON (STAC item) document.</summary>
    public const string GeoJsonMediaType = "application/geo+json";
}
