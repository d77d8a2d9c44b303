using System.Globalization;
using System.Text.Json;
using EarthData.Core.Tiling;

namespace EarthData.Core.Stac;

/// <summary>
/// The OGC WebMercatorQuad tile matrix set (EPSG:3857, 256 px tiles, GoogleMapsCompatible) as a JSON document, the form
/// the tiled-assets extension and GDAL's STACTA driver read. The tile math itself is <see cref="Tiling.WebMercatorQuad"/>.
/// </summary>
public static class TileMatrixSetDefinition
{
    private const double ScaleDenominatorZoom0 = 559082264.0287178;

    /// <summary>
    /// The tile matrix set in the OGC 17-083r2 (TMS 1.0) JSON form, with the tile matrices 0..<paramref name="maxZoom"/>.
    /// </summary>
    public static JsonElement Definition(int maxZoom) => Definition(0, maxZoom);

    /// <summary>
    /// The tile matrix set with only the tile matrices <paramref name="minZoom"/>..<paramref name="maxZoom"/>: GDAL's
    /// STACTA driver makes one overview per listed matrix and opens its first tile, so a pyramid lists what it holds.
    /// </summary>
    public static JsonElement Definition(int minZoom, int maxZoom)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minZoom);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minZoom, maxZoom);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxZoom, TileAddress.MaxZoom);
        var matrices = new List<object>();
        for (var z = minZoom; z <= maxZoom; z++)
        {
            var n = 1 << z;
            matrices.Add(new Dictionary<string, object>
            {
                ["type"] = "TileMatrixType",
                ["identifier"] = z.ToString(CultureInfo.InvariantCulture),
                ["scaleDenominator"] = ScaleDenominatorZoom0 / n,
                ["topLeftCorner"] = new[] { -WebMercatorQuad.OriginShift, WebMercatorQuad.OriginShift },
                ["tileWidth"] = 256,
                ["tileHeight"] = 256,
                ["matrixWidth"] = n,
                ["matrixHeight"] = n,
            });
        }

        return JsonSerializer.SerializeToElement(new Dictionary<string, object>
        {
            ["type"] = "TileMatrixSetType",
            ["title"] = "Google Maps Compatible for the World",
            ["identifier"] = WebMercatorQuad.Identifier,
            ["boundingBox"] = new Dictionary<string, object>
            {
                ["type"] = "BoundingBoxType",
                ["crs"] = "http://www.opengis.net/def/crs/EPSG/0/3857",
                ["lowerCorner"] = new[] { -WebMercatorQuad.OriginShift, -WebMercatorQuad.OriginShift },
                ["upperCorner"] = new[] { WebMercatorQuad.OriginShift, WebMercatorQuad.OriginShift },
            },
            ["supportedCRS"] = "http://www.opengis.net/def/crs/EPSG/0/3857",
            ["wellKnownScaleSet"] = "http://www.opengis.net/def/wkss/OGC/1.0/GoogleMapsCompatible",
            ["tileMatrix"] = matrices,
        });
    }
}
