using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using EarthData.Imaging.Encoding;
using EarthData.Imaging.Rendering;
using EarthData.Server.Endpoints;

namespace EarthData.Server.Tiles;

/// <summary>
/// A <see cref="Legend"/> as the API answers it: JSON (<c>type</c> gradient / classes / composite, <c>min</c>,
/// <c>max</c>, and <c>stops</c>, <c>classes</c> or <c>channels</c> with labels and colours) or a small PNG, with an
/// ETag of the bytes (<c>If-None-Match</c> → 304).
/// </summary>
internal static class LegendDocument
{
    private static readonly PngTileEncoder Png = new();

    /// <summary>The JSON form; <paramref name="extra"/> properties come first.</summary>
    public static JsonObject Json(Legend legend, JsonObject? extra = null)
    {
        ArgumentNullException.ThrowIfNull(legend);
        var document = extra ?? [];
        document["colormap"] = legend.Name;
        document["type"] = legend.Kind.ToString().ToLowerInvariant();
        document["min"] = legend.Min;
        document["max"] = legend.Max;
        var entries = new JsonArray();
        foreach (var e in legend.Entries)
        {
            var entry = new JsonObject { ["label"] = e.Label };
            if (e.Value is { } value)
            {
                entry["value"] = value;
            }

            if (legend.Kind != LegendKind.Gradient)
            {
                entry["from"] = e.From;
                entry["to"] = e.To;
            }

            entry["color"] = e.Hex;
            entry["rgba"] = new JsonArray(e.R, e.G, e.B, e.A);
            entries.Add(entry);
        }

        document[legend.Kind switch
        {
            LegendKind.Gradient => "stops",
            LegendKind.Classes => "classes",
            _ => "channels",
        }] = entries;
        return document;
    }

    /// <summary>Answers the legend as JSON or PNG with an ETag and <paramref name="cacheControl"/>.</summary>
    public static IResult Answer(HttpContext context, Legend legend, bool png, string cacheControl, JsonObject? extra = null)
    {
        byte[] bytes;
        string mediaType;
        if (png)
        {
            var rgba = legend.Draw(out var width, out var height);
            var output = new ArrayBufferWriter<byte>(4096);
            Png.Encode(rgba, width, height, output);
            (bytes, mediaType) = (output.WrittenSpan.ToArray(), Png.MediaType);
        }
        else
        {
            (bytes, mediaType) = (JsonSerializer.SerializeToUtf8Bytes(Json(legend, extra)), "application/json");
        }

        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 16)) + "\"";
        context.Response.Headers.ETag = etag;
        context.Response.Headers.CacheControl = cacheControl;
        return ObjectsApi.Matches(context.Request.Headers.IfNoneMatch.ToString(), etag)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Bytes(bytes, mediaType);
    }
}
