using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EarthData.Core.Stac;

/// <summary>
/// A STAC item (a GeoJSON Feature). <see cref="Properties"/> and <see cref="Fields"/> are open-ended maps of JSON values;
/// treat an item as immutable once built (the maps are not copied).
/// </summary>
public sealed record StacItem
{
    /// <summary>Always <c>Feature</c>.</summary>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-10)]
    public string Type { get; init; } = "Feature";

    /// <summary>STAC version, <see cref="StacJson.Version"/> for items built here.</summary>
    [JsonPropertyName("stac_version")]
    [JsonPropertyOrder(-9)]
    public string StacVersion { get; init; } = StacJson.Version;

    /// <summary>Schema URIs of the extensions used.</summary>
    [JsonPropertyName("stac_extensions")]
    [JsonPropertyOrder(-8)]
    public IReadOnlyList<string> StacExtensions { get; init; } = [];

    /// <summary>Item id, unique within its collection (the scene id for CBERS items).</summary>
    [JsonPropertyName("id")]
    [JsonPropertyOrder(-7)]
    public required string Id { get; init; }

    /// <summary>Footprint in WGS 84, or null when the item has no location.</summary>
    [JsonPropertyName("geometry")]
    [JsonPropertyOrder(-6)]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public GeoJsonGeometry? Geometry { get; init; }

    /// <summary><c>[west, south, east, north]</c> in degrees; required when <see cref="Geometry"/> is set.</summary>
    [JsonPropertyName("bbox")]
    [JsonPropertyOrder(-5)]
    public IReadOnlyList<double>? Bbox { get; init; }

    /// <summary>The collection id, when the item belongs to one.</summary>
    [JsonPropertyName("collection")]
    [JsonPropertyOrder(-4)]
    public string? Collection { get; init; }

    /// <summary>Item properties (<c>datetime</c>, common metadata, extension fields).</summary>
    [JsonPropertyName("properties")]
    [JsonPropertyOrder(-3)]
    public Dictionary<string, JsonElement> Properties { get; init; } = [];

    /// <summary>Links.</summary>
    [JsonPropertyName("links")]
    [JsonPropertyOrder(-2)]
    public IReadOnlyList<StacLink> Links { get; init; } = [];

    /// <summary>Assets by key.</summary>
    [JsonPropertyName("assets")]
    [JsonPropertyOrder(-1)]
    public Dictionary<string, StacAsset> Assets { get; init; } = [];

    /// <summary>Other top-level fields (e.g. <c>asset_templates</c> of the tiled-assets extension).</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Fields { get; init; }

    /// <summary>
    /// The <c>datetime</c> property as UTC, falling back to <c>start_datetime</c> when <c>datetime</c> is null;
    /// null when neither is present.
    /// </summary>
    /// <exception cref="FormatException">The value is not an RFC 3339 date-time.</exception>
    [JsonIgnore]
    public DateTime? Datetime => ReadInstant("datetime") ?? ReadInstant("start_datetime");

    /// <summary>Formats an instant as STAC writes it: UTC, <c>Z</c>, fractional seconds only when non-zero.</summary>
    public static string FormatInstant(DateTime value)
    {
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);
        return utc.Ticks % TimeSpan.TicksPerSecond == 0
            ? utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : utc.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
    }

    /// <summary>Parses an RFC 3339 instant to UTC.</summary>
    /// <exception cref="FormatException">The text is not an RFC 3339 date-time.</exception>
    public static DateTime ParseInstant(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value.UtcDateTime
            : throw new FormatException($"'{text}' is not an RFC 3339 date-time.");
    }

    private DateTime? ReadInstant(string name) =>
        Properties.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String
            ? ParseInstant(value.GetString()!)
            : null;
}
