namespace EarthData.Imaging.Cog;

/// <summary>
/// The few WebMercatorQuad facts the COG step needs (256-px tiles, EPSG:3857 metres). A private copy on purpose:
/// the shared tile-matrix type belongs to <c>EarthData.Core.Tiling</c>, which is written on another branch.
/// </summary>
internal static class WebMercatorZooms
{
    /// <summary>Tile size in pixels.</summary>
    public const int TileSize = 256;

    /// <summary>Resolution of zoom 0, metres per pixel (2π × 6378137 / 256).</summary>
    public const double ZoomZeroResolution = 156543.03392804097;

    /// <summary>Half the width of the square world, metres: the X of the grid's left edge is its negation.</summary>
    public const double OriginShift = 20037508.342789244;

    /// <summary>The deepest zoom considered.</summary>
    public const int MaxZoom = 24;

    /// <summary>Metres per pixel at <paramref name="zoom"/>.</summary>
    public static double Resolution(int zoom) => ZoomZeroResolution / Math.Pow(2, zoom);

    /// <summary>The first zoom whose resolution is at least as fine as <paramref name="pixelSize"/> (EPSG:3857 metres).</summary>
    public static int NativeZoom(double pixelSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pixelSize);
        for (var zoom = 0; zoom < MaxZoom; zoom++)
        {
            // A relative tolerance keeps a pixel size equal to a zoom's resolution on that zoom.
            if (Resolution(zoom) <= pixelSize * (1 + 1e-9))
            {
                return zoom;
            }
        }

        return MaxZoom;
    }

    /// <summary>
    /// The deepest zoom at or below <paramref name="nativeZoom"/> at which an extent of <paramref name="width"/> ×
    /// <paramref name="height"/> metres fits in one tile's width (≤ 256 px), so it covers one or two tiles per axis.
    /// Equals <paramref name="nativeZoom"/> when the extent already fits there.
    /// </summary>
    public static int MinZoom(int nativeZoom, double width, double height)
    {
        var extent = Math.Max(width, height);
        var zoom = nativeZoom;
        while (zoom > 0 && extent / Resolution(zoom) > TileSize)
        {
            zoom--;
        }

        return zoom;
    }
}
