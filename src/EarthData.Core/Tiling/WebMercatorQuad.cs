namespace EarthData.Core.Tiling;

/// <summary>
/// The OGC WebMercatorQuad tile matrix set (a.k.a. GoogleMapsCompatible): EPSG:3857, 256-pixel tiles,
/// one tile at zoom 0 covering ±<see cref="OriginShift"/> metres, rows counted from the north.
/// </summary>
/// <remarks>All methods are pure and thread-safe. Metre coordinates are EPSG:3857 (spherical Web Mercator).</remarks>
public static class WebMercatorQuad
{
    /// <summary>The tile matrix set identifier used in OGC API / TileJSON / STAC tiled-assets documents.</summary>
    public const string Identifier = "WebMercatorQuad";

    /// <summary>The CRS of the tile matrix set.</summary>
    public const string Crs = "EPSG:3857";

    /// <summary>The OGC well-known scale set URI this matrix set follows.</summary>
    public const string WellKnownScaleSet = "http://www.opengis.net/def/wkss/OGC/1.0/GoogleMapsCompatible";

    /// <summary>Tile width and height in pixels.</summary>
    public const int TileSize = 256;

    /// <summary>Half the width of the world in EPSG:3857 metres: π · 6378137.</summary>
    public const double OriginShift = 20037508.342789244;

    /// <summary>Earth radius of the spherical Web Mercator projection, metres.</summary>
    public const double EarthRadius = 6378137.0;

    /// <summary>The latitude (degrees) at which Web Mercator's y equals <see cref="OriginShift"/>; the matrix's north/south limit.</summary>
    public const double MaxLatitude = 85.05112877980659;

    /// <summary>Resolution at zoom 0 in metres per pixel: 2·<see cref="OriginShift"/> / 256 = 156543.03392804097.</summary>
    public const double InitialResolution = 2 * OriginShift / TileSize;

    private const double ZoomTolerance = 1e-9;
    private const double EdgeTolerance = 1e-7;

    /// <summary>Ground resolution of a zoom level at the equator.</summary>
    /// <param name="zoom">Zoom level, 0 to <see cref="TileAddress.MaxZoom"/>.</param>
    /// <returns>Metres per pixel: 156543.03392804097 / 2^zoom.</returns>
    public static double Resolution(int zoom)
    {
        ValidateZoom(zoom);
        return InitialResolution / (1 << zoom);
    }

    /// <summary>Width (= height) of one tile at a zoom level, metres.</summary>
    /// <param name="zoom">Zoom level.</param>
    /// <returns>2·<see cref="OriginShift"/> / 2^zoom.</returns>
    public static double TileSpan(int zoom)
    {
        ValidateZoom(zoom);
        return 2 * OriginShift / (1 << zoom);
    }

    /// <summary>The EPSG:3857 extent of a tile.</summary>
    /// <param name="tile">The tile.</param>
    /// <returns>Bounds in metres; MaxY is the tile's north edge.</returns>
    public static (double MinX, double MinY, double MaxX, double MaxY) TileBounds(TileAddress tile)
    {
        var span = 2 * OriginShift / tile.MatrixSize;
        var minX = (tile.X * span) - OriginShift;
        var maxY = OriginShift - (tile.Y * span);
        return (minX, maxY - span, minX + span, maxY);
    }

    /// <summary>Projects WGS 84 longitude/latitude to EPSG:3857 metres.</summary>
    /// <param name="longitude">Degrees, −180 to 180.</param>
    /// <param name="latitude">Degrees, −90 to 90; clamped to ±<see cref="MaxLatitude"/>.</param>
    /// <returns>Easting and northing in metres.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A coordinate is outside its range or not finite.</exception>
    public static (double X, double Y) LonLatToMeters(double longitude, double latitude)
    {
        ValidateLonLat(longitude, latitude);
        var lat = Math.Clamp(latitude, -MaxLatitude, MaxLatitude);
        var x = longitude * OriginShift / 180.0;
        var y = Math.Log(Math.Tan((90.0 + lat) * Math.PI / 360.0)) * EarthRadius;
        return (x, Math.Clamp(y, -OriginShift, OriginShift));
    }

    /// <summary>Unprojects EPSG:3857 metres to WGS 84 longitude/latitude.</summary>
    /// <param name="x">Easting, metres.</param>
    /// <param name="y">Northing, metres.</param>
    /// <returns>Longitude and latitude in degrees.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A coordinate is not finite.</exception>
    public static (double Longitude, double Latitude) MetersToLonLat(double x, double y)
    {
        if (!double.IsFinite(x) || !double.IsFinite(y))
        {
            throw new ArgumentOutOfRangeException(nameof(x), $"Coordinates must be finite, got ({x}, {y}).");
        }

        var lon = x / OriginShift * 180.0;
        var lat = (2 * Math.Atan(Math.Exp(y / EarthRadius)) - (Math.PI / 2)) * 180.0 / Math.PI;
        return (lon, lat);
    }

    /// <summary>The tile containing a WGS 84 position; points on a tile edge belong to the tile east/south of it.</summary>
    /// <param name="longitude">Degrees, −180 to 180 (180 maps to the last column).</param>
    /// <param name="latitude">Degrees, −90 to 90 (clamped to the matrix).</param>
    /// <param name="zoom">Zoom level.</param>
    /// <returns>The tile address.</returns>
    public static TileAddress TileForLonLat(double longitude, double latitude, int zoom)
    {
        ValidateZoom(zoom);
        var (x, y) = LonLatToMeters(longitude, latitude);
        var n = 1 << zoom;
        var span = 2 * OriginShift / n;
        var col = (int)Math.Clamp(Math.Floor((x + OriginShift) / span), 0, n - 1);
        var row = (int)Math.Clamp(Math.Floor((OriginShift - y) / span), 0, n - 1);
        return new TileAddress(zoom, col, row);
    }

    /// <summary>
    /// The inclusive range of tiles intersecting an EPSG:3857 extent at a zoom level, clamped to the matrix.
    /// A tile the extent only touches along an edge is not included (within 1e-7 of a tile).
    /// </summary>
    /// <param name="minX">West edge, metres.</param>
    /// <param name="minY">South edge, metres.</param>
    /// <param name="maxX">East edge, metres.</param>
    /// <param name="maxY">North edge, metres.</param>
    /// <param name="zoom">Zoom level.</param>
    /// <returns>First and last column (MinX, MaxX) and row (MinY is the northernmost row, MaxY the southernmost).</returns>
    /// <exception cref="ArgumentOutOfRangeException">The extent is not finite or min exceeds max.</exception>
    /// <exception cref="ArgumentException">The extent lies entirely outside the tile matrix.</exception>
    public static (int MinX, int MinY, int MaxX, int MaxY) TileRange(double minX, double minY, double maxX, double maxY, int zoom)
    {
        ValidateExtent(minX, minY, maxX, maxY);
        ValidateZoom(zoom);
        if (minX >= OriginShift || maxX <= -OriginShift || minY >= OriginShift || maxY <= -OriginShift)
        {
            throw new ArgumentException($"Extent ({minX}, {minY}, {maxX}, {maxY}) lies outside the WebMercatorQuad matrix.", nameof(minX));
        }

        var n = 1 << zoom;
        var span = 2 * OriginShift / n;
        var firstCol = FirstIndex((minX + OriginShift) / span, n);
        var lastCol = LastIndex((maxX + OriginShift) / span, n, firstCol);
        var firstRow = FirstIndex((OriginShift - maxY) / span, n);
        var lastRow = LastIndex((OriginShift - minY) / span, n, firstRow);
        return (firstCol, firstRow, lastCol, lastRow);
    }

    /// <summary>
    /// The coarsest zoom whose resolution is at least as fine as a ground resolution
    /// (relative tolerance 1e-9), i.e. the zoom at which a raster of that GSD is shown without loss.
    /// </summary>
    /// <param name="groundResolutionMetres">Ground sample distance, metres per pixel, &gt; 0.</param>
    /// <returns>The native zoom; <see cref="TileAddress.MaxZoom"/> when even that is coarser.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The resolution is not a positive finite number.</exception>
    public static int NativeZoom(double groundResolutionMetres)
    {
        if (!double.IsFinite(groundResolutionMetres) || groundResolutionMetres <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(groundResolutionMetres), groundResolutionMetres, "Ground resolution must be a positive number of metres.");
        }

        var limit = groundResolutionMetres * (1 + ZoomTolerance);
        for (var z = 0; z < TileAddress.MaxZoom; z++)
        {
            if (InitialResolution / (1 << z) <= limit)
            {
                return z;
            }
        }

        return TileAddress.MaxZoom;
    }

    /// <summary>
    /// The deepest zoom at which an extent's larger side spans at most <paramref name="tilesAcross"/> tiles:
    /// the natural minimum zoom of a pyramid (the whole scene in about one tile, or at most 2×2 when unaligned).
    /// </summary>
    /// <param name="minX">West edge, metres.</param>
    /// <param name="minY">South edge, metres.</param>
    /// <param name="maxX">East edge, metres.</param>
    /// <param name="maxY">North edge, metres.</param>
    /// <param name="tilesAcross">How many tile widths the extent may span, &gt; 0 (default 1).</param>
    /// <returns>Zoom 0 to <see cref="TileAddress.MaxZoom"/>; <see cref="TileAddress.MaxZoom"/> for an empty extent.</returns>
    public static int MinZoomFor(double minX, double minY, double maxX, double maxY, double tilesAcross = 1.0)
    {
        ValidateExtent(minX, minY, maxX, maxY);
        if (!double.IsFinite(tilesAcross) || tilesAcross <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(tilesAcross), tilesAcross, "Tiles across must be a positive number.");
        }

        var size = Math.Max(maxX - minX, maxY - minY);
        if (size <= 0)
        {
            return TileAddress.MaxZoom;
        }

        var zoom = Math.Floor(Math.Log2(tilesAcross * 2 * OriginShift / size) + ZoomTolerance);
        return (int)Math.Clamp(zoom, 0, TileAddress.MaxZoom);
    }

    private static int FirstIndex(double position, int n)
    {
        var nearest = Math.Round(position);
        var snapped = Math.Abs(position - nearest) < EdgeTolerance ? nearest : Math.Floor(position);
        return (int)Math.Clamp(snapped, 0, n - 1);
    }

    private static int LastIndex(double position, int n, int first)
    {
        var nearest = Math.Round(position);
        var snapped = Math.Abs(position - nearest) < EdgeTolerance ? nearest : Math.Ceiling(position);

        // A degenerate (zero-width) extent still lies in one tile.
        return (int)Math.Clamp(snapped - 1, first, n - 1);
    }

    private static void ValidateZoom(int zoom)
    {
        if ((uint)zoom > TileAddress.MaxZoom)
        {
            throw new ArgumentOutOfRangeException(nameof(zoom), zoom, $"Zoom must be between 0 and {TileAddress.MaxZoom}.");
        }
    }

    private static void ValidateLonLat(double longitude, double latitude)
    {
        if (!(longitude >= -180.0 && longitude <= 180.0))
        {
            throw new ArgumentOutOfRangeException(nameof(longitude), longitude, "Longitude must be between -180 and 180 degrees.");
        }

        if (!(latitude >= -90.0 && latitude <= 90.0))
        {
            throw new ArgumentOutOfRangeException(nameof(latitude), latitude, "Latitude must be between -90 and 90 degrees.");
        }
    }

    private static void ValidateExtent(double minX, double minY, double maxX, double maxY)
    {
        if (!double.IsFinite(minX) || !double.IsFinite(minY) || !double.IsFinite(maxX) || !double.IsFinite(maxY))
        {
            throw new ArgumentOutOfRangeException(nameof(minX), $"Extent ({minX}, {minY}, {maxX}, {maxY}) must be finite.");
        }

        if (minX > maxX || minY > maxY)
        {
            throw new ArgumentOutOfRangeException(nameof(minX), $"Extent ({minX}, {minY}, {maxX}, {maxY}) has min greater than max.");
        }
    }
}
