using System.Text;
using EarthData.Core.Catalog;
using EarthData.Server.Tiles;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EarthData.Server.Endpoints;

/// <summary>
/// Discovery documents of the tiles: TileJSON 3.0.0 per item layer
/// (<c>/tiles/{collection}/{item}/{layer}/tilejson.json</c>), OGC WMTS 1.0 capabilities per item
/// (<c>/tiles/{collection}/{item}/WMTSCapabilities.xml</c>) and for every published layer
/// (<c>/tiles/WMTSCapabilities.xml</c>, the newest <see cref="MaxCapabilitiesItems"/> items).
/// </summary>
public static class TileDiscoveryApi
{
    /// <summary>Most items listed in the capabilities of all published layers (newest first).</summary>
    public const int MaxCapabilitiesItems = 500;

    private const string XmlMediaType = "application/xml";

    /// <summary>Maps the discovery endpoints.</summary>
    public static IEndpointRouteBuilder MapTileDiscoveryApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/tiles/WMTSCapabilities.xml", GetCapabilities);
        endpoints.MapGet("/tiles/{collection}/{item}/WMTSCapabilities.xml", GetItemCapabilities);
        endpoints.MapGet("/tiles/{collection}/{item}/{layer}/tilejson.json", GetTileJson);
        return endpoints;
    }

    private static async Task<Results<JsonHttpResult<System.Text.Json.Nodes.JsonObject>, ProblemHttpResult>> GetTileJson(
        string collection, string item, string layer, HttpContext context, ItemTileSets items, TileUrls urls)
    {
        if (TileProblems.InvalidNames(("collection", collection), ("item", item), ("layer", layer)) is { } invalid)
        {
            return invalid;
        }

        var set = await items.GetAsync(collection, item, context.RequestAborted).ConfigureAwait(false);
        if (set is null)
        {
            return TileProblems.NotFound($"No item '{item}' is published in collection '{collection}'.");
        }

        if (DynamicTileParameters.Parse(context.Request.Query, out var bad) is not { } parameters)
        {
            return TileProblems.BadRequest(bad.Parameter, bad.Detail);
        }

        // A pre-rendered layer without parameters points at its pyramid; anything else at tiles rendered from the COG,
        // carrying the request's rendering parameters.
        var preRendered = set.Layer(layer);
        if (preRendered is null && !Imaging.Layers.LayerCatalog.TryGet(layer, out _))
        {
            return DynamicTiles.UnknownLayer(set, layer);
        }

        var extension = parameters.Format?.Extension ?? preRendered?.Extension ?? "png";
        var query = parameters.IsEmpty ? null : QueryString.Create(
            DynamicTileParameters.Names.Where(context.Request.Query.ContainsKey)
                .SelectMany(n => context.Request.Query[n].Select(v => new KeyValuePair<string, string?>(n, v)))).ToUriComponent();
        var template = urls.Template(collection, item, layer, extension, query);
        var title = preRendered?.Title ?? Imaging.Layers.LayerCatalog.TitleOf(layer);
        // Zooms coarser than the pyramid are rendered from the COG's overviews, so the layer shows from zoom 0; past the
        // native zoom clients overzoom (the route renders up to DynamicTiles.MaxZoomsBeyondNative more).
        var document = TileJsonDocument.For(set, layer, title, template, 0, Math.Max(set.MaxZoom, 0));
        document["legend"] = urls.LayerLegend(collection, item, layer, "json", query);
        return TypedResults.Json(document);
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetItemCapabilities(
        string collection, string item, HttpContext context, ItemTileSets items, TileUrls urls)
    {
        if (TileProblems.InvalidNames(("collection", collection), ("item", item)) is { } invalid)
        {
            return invalid;
        }

        var set = await items.GetAsync(collection, item, context.RequestAborted).ConfigureAwait(false);
        if (set is null)
        {
            return TileProblems.NotFound($"No item '{item}' is published in collection '{collection}'.");
        }

        var layers = set.Layers.Select(l => new WmtsCapabilitiesWriter.Layer(
            l.Name, l.Title ?? l.Name, set, l.MediaType, urls.WmtsTemplate(collection, item, l.Name, l.Extension))).ToList();
        var xml = WmtsCapabilitiesWriter.Write($"EarthData tiles of {item}", urls.ItemCapabilities(collection, item), layers);
        return TypedResults.Text(xml, XmlMediaType, Encoding.UTF8);
    }

    private static async Task<ContentHttpResult> GetCapabilities(HttpContext context, ICatalogStore catalog, TileUrls urls)
    {
        var layers = new List<WmtsCapabilitiesWriter.Layer>();
        string? token = null;
        var seen = 0;
        do
        {
            var page = await catalog.SearchAsync(
                new ItemSearch { Limit = 100, Token = token, CountMatched = false }, context.RequestAborted).ConfigureAwait(false);
            foreach (var item in page.Items)
            {
                var set = ItemTileSet.From(item);
                layers.AddRange(set.Layers.Select(l => new WmtsCapabilitiesWriter.Layer(
                    $"{set.Collection}/{set.ItemId}/{l.Name}",
                    $"{set.ItemId} {l.Title ?? l.Name}",
                    set,
                    l.MediaType,
                    urls.WmtsTemplate(set.Collection, set.ItemId, l.Name, l.Extension))));
            }

            seen += page.Items.Count;
            token = page.NextToken;
        }
        while (token is not null && seen < MaxCapabilitiesItems);

        var xml = WmtsCapabilitiesWriter.Write("EarthData published layers", urls.Capabilities(), layers);
        return TypedResults.Text(xml, XmlMediaType, Encoding.UTF8);
    }
}
