using System.Text.Json;
using System.Text.Json.Serialization;

namespace EarthData.Core.Stac;

/// <summary>A STAC collection. The maps are not copied; treat a built collection as immutable.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "STAC calls it a Collection.")]
public sealed record StacCollection
{
    /// <summary>Always <c>Collection</c>.</summary>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-20)]
    public string Type { get; init; } = "Collection";

    /// <summary>STAC version.</summary>
    [JsonPropertyName("stac_version")]
    [JsonPropertyOrder(-19)]
    public string StacVersion { get; init; } = StacJson.Version;

    /// <summary>Schema URIs of the extensions used.</summary>
    [JsonPropertyName("stac_extensions")]
    [JsonPropertyOrder(-18)]
    public IReadOnlyList<string> StacExtensions { get; init; } = [];

    /// <summary>Collection id, e.g. <c>CBERS4-MUX</c>.</summary>
    [JsonPropertyName("id")]
    [JsonPropertyOrder(-17)]
    public required string Id { get; init; }

    /// <summary>Short title.</summary>
    [JsonPropertyName("title")]
    [JsonPropertyOrder(-16)]
    public string? Title { get; init; }

    /// <summary>Description (CommonMark); must not be empty.</summary>
    [JsonPropertyName("description")]
    [JsonPropertyOrder(-15)]
    public required string Description { get; init; }

    /// <summary>Keywords.</summary>
    [JsonPropertyName("keywords")]
    [JsonPropertyOrder(-14)]
    public IReadOnlyList<string>? Keywords { get; init; }

    /// <summary>SPDX license id, or <c>other</c> with a <c>license</c> link.</summary>
    [JsonPropertyName("license")]
    [JsonPropertyOrder(-13)]
    public required string License { get; init; }

    /// <summary>Providers.</summary>
    [JsonPropertyName("providers")]
    [JsonPropertyOrder(-12)]
    public IReadOnlyList<StacProvider>? Providers { get; init; }

    /// <summary>Spatial and temporal extent.</summary>
    [JsonPropertyName("extent")]
    [JsonPropertyOrder(-11)]
    public required StacExtent Extent { get; init; }

    /// <summary>Summaries of item properties (value lists or ranges).</summary>
    [JsonPropertyName("summaries")]
    [JsonPropertyOrder(-10)]
    public Dictionary<string, JsonElement>? Summaries { get; init; }

    /// <summary>Links.</summary>
    [JsonPropertyName("links")]
    [JsonPropertyOrder(-9)]
    public IReadOnlyList<StacLink> Links { get; init; } = [];

    /// <summary>Collection-level assets.</summary>
    [JsonPropertyName("assets")]
    [JsonPropertyOrder(-8)]
    public Dictionary<string, StacAsset>? Assets { get; init; }

    /// <summary>Other top-level fields (e.g. <c>item_assets</c>).</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Fields { get; init; }
}
