using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EarthData.Core.Stac;

/// <summary>
/// The System.Text.Json settings for STAC documents. STAC names are snake_case or prefixed (<c>eo:bands</c>), so every
/// model property carries an explicit <see cref="JsonPropertyNameAttribute"/> and no naming policy is applied.
/// Null members are left out. Thread-safe.
/// </summary>
public static class StacJson
{
    /// <summary>The STAC version written by this model.</summary>
    public const string Version = "1.1.0";

    /// <summary>Compact options for storage and API responses.</summary>
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    /// <summary>Indented options for static catalogue files.</summary>
    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    /// <summary>Serialises a STAC document (item, collection, catalog) to JSON text.</summary>
    public static string Serialize<T>(T value, bool indented = false) =>
        JsonSerializer.Serialize(value, indented ? Indented : Options);

    /// <summary>Parses a STAC document.</summary>
    /// <exception cref="JsonException">The text is not a valid document of that type.</exception>
    public static T Deserialize<T>(string json)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"JSON 'null' is not a {typeof(T).Name}.");
    }

    /// <summary>A JSON element holding <paramref name="value"/>, for the open-ended property maps.</summary>
    public static JsonElement Element<T>(T value) => JsonSerializer.SerializeToElement(value, Options);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            WriteIndented = indented,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            NumberHandling = JsonNumberHandling.Strict,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
