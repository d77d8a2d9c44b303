using System.Text.Json.Nodes;
using EarthData.Imaging.Rendering;
using EarthData.Server.Http;
using EarthData.Server.Tiles;

namespace EarthData.Server.Endpoints;

/// <summary>
/// Legends: <c>GET /tiles/legends</c> lists the named colour maps; <c>GET /tiles/legends/{colormap}[.json|.png]</c>
/// answers one (JSON stops or classes with colours and labels, or a small PNG ramp / swatches; <c>rescale=min,max</c>
/// labels a ramp in data values as tiles drawn with the same <c>rescale</c>); and
/// <c>GET /tiles/{collection}/{item}/{layer}/legend.{json|png}</c> the legend of a layer as the tile route draws it,
/// rendering parameters included.
/// </summary>
public static class TileLegendsApi
{
    /// <summary>Cache-Control of the named colour maps' legends (they change only with a release).</summary>
    public const string NamedCacheControl = "public, max-age=86400";

    /// <summary>Maps the legend endpoints.</summary>
    public static IEndpointRouteBuilder MapTileLegendsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGetAndHead("/tiles/legends", GetLegendList);
        endpoints.MapGetAndHead("/tiles/legends/{colormap}", GetNamedLegend);
        endpoints.MapGetAndHead("/tiles/{collection}/{item}/{layer}/legend.json", (string collection, string item, string layer, HttpContext context, ItemTileSets items, DynamicTiles tiles)
            => GetLayerLegend(collection, item, layer, false, context, items, tiles));
        endpoints.MapGetAndHead("/tiles/{collection}/{item}/{layer}/legend.png", (string collection, string item, string layer, HttpContext context, ItemTileSets items, DynamicTiles tiles)
            => GetLayerLegend(collection, item, layer, true, context, items, tiles));
        return endpoints;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<JsonObject> GetLegendList(TileUrls urls) => TypedResults.Json(new JsonObject
    {
        ["colormaps"] = new JsonArray([.. ColorMap.Names.Order(StringComparer.Ordinal).Select(name => (JsonNode)new JsonObject
        {
            ["name"] = name,
            ["json"] = urls.Legend(name, "json"),
            ["png"] = urls.Legend(name, "png"),
        })]),
    });

    private static IResult GetNamedLegend(string colormap, HttpContext context)
    {
        if (TileProblems.InvalidNames(("colormap", colormap)) is { } invalid)
        {
            return invalid;
        }

        var png = colormap.EndsWith(".png", StringComparison.Ordinal);
        var name = png || colormap.EndsWith(".json", StringComparison.Ordinal) ? colormap[..colormap.LastIndexOf('.')] : colormap;
        if (!ColorMap.TryGet(name, out var map))
        {
            return TileProblems.NotFound(
                $"No colour map '{name}'; the named ones: {string.Join(", ", ColorMap.Names.Order(StringComparer.Ordinal))} (as {{name}}.json or {{name}}.png).");
        }

        if (DynamicTileParameters.Parse(context.Request.Query, out var bad) is not { } parameters)
        {
            return TileProblems.BadRequest(bad.Parameter, bad.Detail);
        }

        if (parameters with { Rescale = null } != new DynamicTileParameters())
        {
            return TileProblems.BadRequest("parameters", "the legend of a named colour map takes only rescale=min,max");
        }

        if (parameters.Rescale is { Count: > 1 })
        {
            return TileProblems.BadRequest("rescale", "a colour map's legend takes one rescale range");
        }

        return LegendDocument.Answer(context, Legend.Of(map, parameters.Rescale?[0]), png, NamedCacheControl);
    }

    private static async Task<IResult> GetLayerLegend(
        string collection, string item, string layer, bool png, HttpContext context, ItemTileSets items, DynamicTiles tiles)
    {
        if (TileProblems.InvalidNames(("collection", collection), ("item", item), ("layer", layer)) is { } invalid)
        {
            return invalid;
        }

        if (DynamicTileParameters.Parse(context.Request.Query, out var bad) is not { } parameters)
        {
            return TileProblems.BadRequest(bad.Parameter, bad.Detail);
        }

        var set = await items.GetAsync(collection, item, context.RequestAborted).ConfigureAwait(false);
        return set is null
            ? TileProblems.NotFound($"No item '{item}' is published in collection '{collection}'.")
            : await tiles.LegendAsync(context, set, layer, parameters, png).ConfigureAwait(false);
    }
}
