using System.Text.Json;
using System.Text.Json.Serialization;

namespace EarthData.Core.Stac;

/// <summary>A STAC asset: a file belonging to an item or collection, with its extension fields.</summary>
public sealed record StacAsset
{
    /// <summary>Media type of a cloud-optimised GeoTIFF.</summary>
    public const string CogMediaType = "image/tiff; application=geotiff; profile=cloud-optimized";

    /// <summary>Media type of a plain GeoTIFF.</summary>
    public const string GeoTiffMediaType = "image/tiff; application=geotiff";

    /// <summary>Target URI (absolute or relative to the document); may hold template placeholders in <c>asset_templates</c>.</summary>
    [JsonPropertyName("href")]
    public required string Href { get; init; }

    /// <summary>Media type.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>Title.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; init; }

    /// <summary>Description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>Semantic roles (<c>data</c>, <c>cog</c>, <c>thumbnail</c>, <c>metadata</c>, <c>visual</c>, …).</summary>
    [JsonPropertyName("roles")]
    public IReadOnlyList<string>? Roles { get; init; }

    /// <summary>Extension and common-metadata fields (<c>bands</c>, <c>file:size</c>, <c>proj:code</c>, …).</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Fields { get; init; }
}
