using System.Text.Json;
using System.Text.Json.Nodes;
using EarthData.Core.Catalog;
using EarthData.Core.Stac;

namespace EarthData.Server.Stac;

/// <summary>
/// A search page written as a GeoJSON FeatureCollection straight to the response, item by item, so a page of 10 000 items
/// never exists as one document or string in memory: each item is turned into its API form, projected by
/// <c>fields</c>, written and dropped; the output is flushed to the client every 64 KiB.
/// </summary>
internal sealed class FeatureCollectionResult(ItemPage page, SearchRequest search, StacDocuments docs, JsonArray links) : IResult
{
    private const int FlushBytes = 64 * 1024;

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = StacJson.Options.Encoder, SkipValidation = true };

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        var cancellationToken = httpContext.RequestAborted;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = StacLink.GeoJsonMediaType;
        if (HttpMethods.IsHead(httpContext.Request.Method))
        {
            return;
        }

        var body = response.BodyWriter;
        var writer = new Utf8JsonWriter(body, WriterOptions);
        await using (writer.ConfigureAwait(false))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "FeatureCollection");
            writer.WriteStartArray("features");
            foreach (var item in page.Items)
            {
                var node = docs.Item(item);
                search.Fields?.Apply(node);
                node.WriteTo(writer, StacJson.Options);
                if (writer.BytesPending >= FlushBytes)
                {
                    await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                    await body.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            writer.WriteEndArray();
            writer.WritePropertyName("links");
            links.WriteTo(writer, StacJson.Options);
            if (page.NumberMatched is { } matched)
            {
                writer.WriteNumber("numberMatched", matched);
            }

            writer.WriteNumber("numberReturned", page.Items.Count);
            writer.WriteEndObject();
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
