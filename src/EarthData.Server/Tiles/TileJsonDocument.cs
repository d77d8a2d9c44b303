using System.Text.Json.Nodes;

namespace EarthData.Server.Tiles;

/// <summary>TileJSON 3.0.0 documents (https://github.com/mapbox/tilejson-spec/tree/master/3.0.0) of item layers.</summary>
internal static class TileJsonDocument
{
    /// <summary>The TileJSON of one layer of an item.</summary>
    /// <param name="set">The item.</param>
    /// <param name="layer">The layer name.</param>
    /// <param name="title">A human title of the layer.</param>
    /// <param name="tileTemplate">The absolute XYZ URL template.</param>
    /// <param name="minZoom">Coarsest zoom served.</param>
    /// <param name="maxZoom">Finest zoom served.</param>
    public static JsonObject For(ItemTileSet set, string layer, string? title, string tileTemplate, int minZoom, int maxZoom) =>
        ForMosaic($"{set.ItemId} {layer}", title ?? layer, tileTemplate, minZoom, maxZoom, set.Bounds);

    /// <summary>A TileJSON of any tile set (an item layer or a collection mosaic).</summary>
    /// <param name="name">Its name.</param>
    /// <param name="description">A human description.</param>
    /// <param name="tileTemplate">The absolute XYZ URL template.</param>
    /// <param name="minZoom">Coarsest zoom served.</param>
    /// <param name="maxZoom">Finest zoom served.</param>
    /// <param name="bounds">West, south, east, north in degrees.</param>
    public static JsonObject ForMosaic(
        string name, string description, string tileTemplate, int minZoom, int maxZoom, (double West, double South, double East, double North) bounds)
    {
        var (west, south, east, north) = bounds;
        return new JsonObject
        {
            ["tilejson"] = "3.0.0",
            ["name"] = name,
            ["description"] = description,
            ["version"] = "1.0.0",
            ["attribution"] = "CBERS imagery: INPE / CRESDA",
            ["scheme"] = "xyz",
            ["tiles"] = new JsonArray(tileTemplate),
            ["minzoom"] = minZoom,
            ["maxzoom"] = maxZoom,
            ["bounds"] = new JsonArray(west, south, east, north),
            ["center"] = new JsonArray((west + east) / 2, (south + north) / 2, minZoom),
        };
    }
}
