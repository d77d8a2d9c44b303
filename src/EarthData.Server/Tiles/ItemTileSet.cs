using System.Globalization;
using System.Text.Json;
using EarthData.Core.Stac;
using EarthData.Core.Storage;
using EarthData.Core.Tiling;

namespace EarthData.Server.Tiles;

/// <summary>
/// What the tile endpoints need to know of a published item: its extent, the pre-rendered pyramid (layers, zoom range,
/// written tile range per zoom, from the tiled-assets fields the publisher wrote), the key of its COG and the COG's stored
/// band statistics.
/// </summary>
/// <param name="Collection">The collection id.</param>
/// <param name="ItemId">The item id.</param>
/// <param name="Bounds">West, south, east, north in degrees.</param>
/// <param name="Datetime">The acquisition time, when known.</param>
/// <param name="Layers">The pre-rendered layers (name, media type, title); empty without a pyramid.</param>
/// <param name="MinZoom">Coarsest pre-rendered zoom.</param>
/// <param name="MaxZoom">Finest pre-rendered zoom (the COG's native zoom for a published scene).</param>
/// <param name="Limits">The written tile range per pre-rendered zoom.</param>
/// <param name="CogKey">The object key of the item's Web Mercator COG (asset <c>visual</c>), or null without one.</param>
/// <param name="IndexKeys">The object keys of the item's index COGs (assets with role <c>index</c>) by asset key; empty for items published before them.</param>
internal sealed record ItemTileSet(
    string Collection,
    string ItemId,
    (double West, double South, double East, double North) Bounds,
    DateTime? Datetime,
    IReadOnlyList<TileLayer> Layers,
    int MinZoom,
    int MaxZoom,
    IReadOnlyDictionary<int, TileMatrixLimits> Limits,
    string? CogKey,
    IReadOnlyDictionary<string, string> IndexKeys)
{
    /// <summary>The role that marks an index COG asset (<c>ndvi</c>, <c>ndwi</c>, <c>evi</c>, <c>savi</c>).</summary>
    public const string IndexRole = "index";

    /// <summary>The COG asset of a published item (<c>cogs/{collection}/{item}/visual.tif</c>).</summary>
    public const string CogAsset = "visual";

    /// <summary>
    /// The statistics and stretch cuts stored on the COG asset's bands (index = band number − 1), which dynamic tiles
    /// draw with so they match the pre-rendered ones; empty for items published before statistics were stored (tiles
    /// then estimate the cuts from the COG's overviews).
    /// </summary>
    public IReadOnlyList<RasterBandStatistics?> Statistics { get; init; } = [];

    /// <summary>The pre-rendered layer called <paramref name="name"/>, or null.</summary>
    public TileLayer? Layer(string name) => Layers.FirstOrDefault(l => string.Equals(l.Name, name, StringComparison.Ordinal));

    /// <summary>Whether <paramref name="tile"/> lies inside the written range of a pre-rendered zoom.</summary>
    public bool InPyramid(TileAddress tile) =>
        Limits.TryGetValue(tile.Zoom, out var l) && tile.X >= l.MinCol && tile.X <= l.MaxCol && tile.Y >= l.MinRow && tile.Y <= l.MaxRow;

    /// <summary>Describes a stored item; items without bbox get the whole world.</summary>
    public static ItemTileSet From(StacItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var collection = item.Collection ?? string.Empty;
        var bbox = item.Bbox is { Count: >= 4 } b ? (b[0], b[1], b[b.Count / 2], b[(b.Count / 2) + 1]) : (-180.0, -85.0, 180.0, 85.0);
        var layers = new List<TileLayer>();
        if (item.Fields?.TryGetValue("asset_templates", out var templates) == true && templates.ValueKind == JsonValueKind.Object)
        {
            foreach (var template in templates.EnumerateObject())
            {
                var type = template.Value.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "image/png";
                var title = template.Value.TryGetProperty("title", out var ti) && ti.ValueKind == JsonValueKind.String ? ti.GetString() : null;
                if (type is "image/png" or "image/webp" or "image/jpeg")
                {
                    layers.Add(new TileLayer(template.Name, type, title));
                }
            }
        }

        var limits = new Dictionary<int, TileMatrixLimits>();
        if (item.Properties.TryGetValue("tiles:tile_matrix_links", out var links) && links.ValueKind == JsonValueKind.Object
            && links.TryGetProperty(WebMercatorQuad.Identifier, out var set) && set.TryGetProperty("limits", out var perZoom)
            && perZoom.ValueKind == JsonValueKind.Object)
        {
            foreach (var zoom in perZoom.EnumerateObject())
            {
                if (int.TryParse(zoom.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var z) && z <= TileAddress.MaxZoom)
                {
                    var l = zoom.Value;
                    limits[z] = new TileMatrixLimits(
                        l.GetProperty("min_tile_col").GetInt32(), l.GetProperty("min_tile_row").GetInt32(),
                        l.GetProperty("max_tile_col").GetInt32(), l.GetProperty("max_tile_row").GetInt32());
                }
            }
        }

        var cogKey = item.Assets.ContainsKey(CogAsset) && ObjectKey.IsValid($"cogs/{collection}/{item.Id}/{CogAsset}.tif", out _)
            ? $"cogs/{collection}/{item.Id}/{CogAsset}.tif"
            : null;
        var indexKeys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, asset) in item.Assets)
        {
            var key = $"cogs/{collection}/{item.Id}/{name}.tif";
            if (asset.Roles?.Contains(IndexRole) == true && ObjectKey.IsValid(key, out _))
            {
                indexKeys[name] = key;
            }
        }

        return new ItemTileSet(
            collection, item.Id, bbox, item.Datetime, layers,
            limits.Count > 0 ? limits.Keys.Min() : 0, limits.Count > 0 ? limits.Keys.Max() : -1, limits, cogKey, indexKeys)
        {
            Statistics = cogKey is not null ? RasterBandFields.Read(item.Assets[CogAsset]) : [],
        };
    }
}
