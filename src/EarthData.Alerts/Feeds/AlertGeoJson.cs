using System.Globalization;
using System.Text.Json;
using EarthData.Core.Alerts;

namespace EarthData.Alerts.Feeds;

/// <summary>
/// Writes alert messages as GeoJSON (RFC 7946): a Feature with a MultiPolygon of the affected area (WGS 84, lon/lat,
/// rings closed, exterior counter-clockwise as the input gives it) and the message fields as properties.
/// </summary>
public static class AlertGeoJson
{
    /// <summary>The GeoJSON media type.</summary>
    public const string MediaType = "application/geo+json";

    /// <summary>Writes one Feature.</summary>
    public static void WriteFeature(Utf8JsonWriter writer, AlertMessage message)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(message);
        writer.WriteStartObject();
        writer.WriteString("type", "Feature");
        writer.WriteString("id", message.Id);
        writer.WritePropertyName("geometry");
        WriteGeometry(writer, message.Area);
        writer.WritePropertyName("properties");
        writer.WriteStartObject();
        writer.WriteString("eventId", message.EventId);
        writer.WriteNumber("version", message.Version);
        writer.WriteString("msgType", message.MessageType.ToString());
        writer.WriteString("hazard", message.Hazard.ToString().ToLowerInvariant());
        writer.WriteString("severity", message.Severity.ToString());
        writer.WriteString("sent", message.Sent.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        writer.WriteString("observed", message.Observed.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        writer.WriteString("scene", message.SceneId);
        writer.WriteString("footprint", message.Footprint);
        if (message.BaselineId is not null)
        {
            writer.WriteString("baseline", message.BaselineId);
            if (message.BaselineVersion is { } version)
            {
                writer.WriteNumber("baselineVersion", version);
            }
        }

        writer.WriteNumber("areaKm2", Math.Round(message.Area.AreaKm2, 3));
        writer.WriteNumber("affectedFraction", Math.Round(message.AffectedFraction, 4));
        writer.WriteStartArray("references");
        foreach (var reference in message.References)
        {
            writer.WriteStringValue(reference.Identifier);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>The messages as one GeoJSON FeatureCollection (UTF-8 JSON string), in the order given.</summary>
    public static string ToFeatureCollectionJson(IEnumerable<AlertMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "FeatureCollection");
            writer.WriteStartArray("features");
            foreach (var message in messages)
            {
                WriteFeature(writer, message);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The Feature as a UTF-8 JSON string.</summary>
    public static string ToJson(AlertMessage message)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            WriteFeature(writer, message);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteGeometry(Utf8JsonWriter writer, AffectedArea area)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "MultiPolygon");
        writer.WriteStartArray("coordinates");
        foreach (var polygon in area.Polygons)
        {
            writer.WriteStartArray();
            foreach (var ring in polygon)
            {
                writer.WriteStartArray();
                foreach (var point in ring)
                {
                    writer.WriteStartArray();
                    writer.WriteNumberValue(Math.Round(point.Lon, 7));
                    writer.WriteNumberValue(Math.Round(point.Lat, 7));
                    writer.WriteEndArray();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
