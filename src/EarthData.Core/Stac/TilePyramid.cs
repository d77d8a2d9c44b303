namespace EarthData.Core.Stac;

/// <summary>
/// The WebMercatorQuad XYZ pyramid served for a scene: tiles at
/// <c>{BaseHref}/{layer}/{z}/{x}/{y}.{ext}</c>, y counted from the north, for zoom levels
/// <see cref="MinZoom"/>..<see cref="MaxZoom"/> only.
/// </summary>
/// <param name="BaseHref">Prefix up to the layer, without trailing slash, e.g. <c>https://host/tiles/CBERS4-MUX/CBERS_4_MUX_20170528_090_084_L2</c>.</param>
/// <param name="MinZoom">Lowest zoom rendered.</param>
/// <param name="MaxZoom">Highest (native) zoom rendered.</param>
/// <param name="Layers">The layers rendered.</param>
public sealed record TilePyramid(string BaseHref, int MinZoom, int MaxZoom, IReadOnlyList<TileLayer> Layers)
{
    /// <summary>
    /// The tile range actually written per zoom (<c>tiles:tile_matrix_links</c> limits), when known; zooms without an
    /// entry fall back to the range covering the scene's envelope.
    /// </summary>
    public IReadOnlyDictionary<int, TileMatrixLimits>? Limits { get; init; }

    /// <summary>
    /// The href template of a layer with the placeholders GDAL's STACTA driver substitutes:
    /// <c>{BaseHref}/{layer}/{TileMatrix}/{TileCol}/{TileRow}.{ext}</c> (TileMatrix = z, TileCol = x, TileRow = y).
    /// </summary>
    public string Template(TileLayer layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        return $"{BaseHref.TrimEnd('/')}/{layer.Name}/{{TileMatrix}}/{{TileCol}}/{{TileRow}}.{layer.Extension}";
    }
}
