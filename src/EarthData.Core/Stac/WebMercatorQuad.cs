using System.Globalization;
using System.Text.Json;
using EarthData.Core.Geometry;

namespace EarthData.Core.Stac;

/// <summary>
/// The OGC WebMercatorQuad tile matrix set (EPSG:3857, 256 px tiles, GoogleMapsCompatible) as the tiled-assets
/// extension and GDAL's STACTA driver describe it. Thread-safe.
/// </summary>
public static class WebMercatorQuad
{
    /// <summary>Tile matrix set identifier.</summary>
    public const string Identifier = "WebMercatorQuad";

    /// <summary>Half the projected world width, metres.</summary>
    public const double OriginShift = 20037508.342789244;

    /// <summary>Latitude limit of the projection, degrees.</summary>
    public const double MaxLatitude = 85.0511287798066;

    private const double ScaleDenominatorZoom0 = 559082264.0287178;

    /// <summary>Highest zoom level supported.</summary>
    public const int MaxZoom = 24;

    /// <summary>The inclusive column and row range of the tiles covering <paramref name="box"/> at <paramref name="zoom"/>.</summary>
    /// <param name="box">Box in degrees.</param>
    /// <param name="zoom">Zoom level 0–24.</param>
    public static (int MinCol, int MaxCol, int MinRow, int MaxRow) TileRange(BoundingBox box, int zoom)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(zoom);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(zoom, MaxZoom);
        var n = 1 << zoom;
        return (Column(box.MinX, n), Column(box.MaxX, n), Row(box.MaxY, n), Row(box.MinY, n));
    }

    /// <summary>
    /// The tile matrix set in the OGC 17-083r2 (TMS 1.0) JSON form, with the tile matrices 0..<paramref name="maxZoom"/>.
    /// </summary>
    public static JsonElement Definition(int maxZoom)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxZoom);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxZoom, MaxZoom);
        var matrices = new List<object>();
        for (var z = 0; z <= maxZoom; z++)
        {
            var n = 1 << z;
            matrices.Add(new Dictionary<string, object>
            {
                ["type"] = "TileMatrixType",
                ["identifier"] = z.ToString(CultureInfo.InvariantCulture),
                ["scaleDenominator"] = ScaleDenominatorZoom0 / n,
                ["topLeftCorner"] = new[] { -OriginShift, OriginShift },
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
            ["identifier"] = Identifier,
            ["boundingBox"] = new Dictionary<string, object>
            {
                ["type"] = "BoundingBoxType",
                ["crs"] = "http://www.opengis.net/def/crs/EPSG/0/3857",
                ["lowerCorner"] = new[] { -OriginShift, -OriginShift },
                ["upperCorner"] = new[] { OriginShift, OriginShift },
            },
            ["supportedCRS"] = "http://www.opengis.net/def/crs/EPSG/0/3857",
            ["wellKnownScaleSet"] = "http://www.opengis.net/def/wkss/OGC/1.0/GoogleMapsCompatible",
            ["tileMatrix"] = matrices,
        });
    }

    private static int Column(double lon, int n) =>
        Math.Clamp((int)Math.Floor((lon + 180) / 360 * n), 0, n - 1);

    private static int Row(double lat, int n)
    {
        var clamped = Math.Clamp(lat, -MaxLatitude, MaxLatitude) * Math.PI / 180;
        var y = (1 - (Math.Log(Math.Tan(clamped) + (1 / Math.Cos(clamped))) / Math.PI)) / 2;
        return Math.Clamp((int)Math.Floor(y * n), 0, n - 1);
    }
}
