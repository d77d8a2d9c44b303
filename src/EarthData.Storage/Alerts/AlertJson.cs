using System.Text.Json;
using System.Text.Json.Serialization;

namespace EarthData.Storage.Alerts;

/// <summary>How alert records are stored as JSON text (web defaults, enums as names): read whole, never queried inside.</summary>
internal static class AlertJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException($"a stored {typeof(T).Name} is JSON null");
}
