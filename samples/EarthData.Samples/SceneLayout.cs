using EarthData.Core.Scenes;
using EarthData.Gdal;
using EarthData.Samples.Synthesis;

namespace EarthData.Samples;

/// <summary>
/// Where a synthetic scene lies: its UTM zone, the north-up grid (origin = the XML's boundingBox UL corner),
/// the rotated footprint and the acquisition instant. All bands share the ground extent; each band has its own
/// pixel size (WPM's panchromatic band is 4× finer).
/// </summary>
internal sealed class SceneLayout
{
    private SceneLayout(CameraSpec camera, int epsg, double originEasting, double originNorthing, double width, double height,
        double referencePixelSize, double rotation, double noDataFraction, DateTime viewingCenter, double centreLon, double centreLat)
    {
        Camera = camera;
        Epsg = epsg;
        OriginEasting = originEasting;
        OriginNorthing = originNorthing;
        GroundWidth = width;
        GroundHeight = height;
        ReferencePixelSize = referencePixelSize;
        RotationDegrees = rotation;
        NoDataFraction = noDataFraction;
        ViewingCenter = viewingCenter;
        CentreLon = centreLon;
        CentreLat = centreLat;
    }

    public CameraSpec Camera { get; }

    public int Epsg { get; }

    public int Zone => Epsg % 100;

    public bool IsSouth => Epsg / 100 == 327;

    public double OriginEasting { get; }

    public double OriginNorthing { get; }

    public double GroundWidth { get; }

    public double GroundHeight { get; }

    /// <summary>Pixel size of the camera's coarsest band at this scale: the grid landscapes and truth masks use.</summary>
    public double ReferencePixelSize { get; }

    public double RotationDegrees { get; }

    public double NoDataFraction { get; }

    public DateTime ViewingCenter { get; }

    public double CentreLon { get; }

    public double CentreLat { get; }

    public static SceneLayout Create(CameraSpec camera, int path, int row, DateOnly date, double scale, Random random)
    {
        var (lon, lat) = NominalSceneCentre.Of(camera.Satellite == CbersSatellite.Cbers4A, path, row);
        var zone = Math.Clamp((int)Math.Floor((lon + 180) / 6) + 1, 1, 60);
        var epsg = (lat < 0 ? 32700 : 32600) + zone;
        var (width, height) = FullSizeGrid.Extent(camera);
        // Whole metres, like real products, so grid corners fall on whole metres too.
        var referencePixel = Math.Max(1, Math.Round(camera.Bands.Max(b => b.Gsd) / scale));
        // Snap the extent to whole pixels of every band (the finest divides the coarsest).
        width = Math.Max(8, Math.Round(width / referencePixel)) * referencePixel;
        height = Math.Max(8, Math.Round(height / referencePixel)) * referencePixel;

        using var wgs84 = SpatialReference.FromEpsg(4326);
        using var utm = SpatialReference.FromEpsg(epsg);
        using var toUtm = CoordinateTransformation.Create(wgs84, utm);
        var (cx, cy) = toUtm.Transform(lon, lat);
        var originE = Math.Round((cx - (width / 2)) / referencePixel) * referencePixel;
        var originN = Math.Round((cy + (height / 2)) / referencePixel) * referencePixel;

        // CBERS crosses the equator descending at about 10:30 local solar time.
        var centreUtc = date.ToDateTime(new TimeOnly(10, 30), DateTimeKind.Utc).AddHours(-lon / 15)
            .AddSeconds(random.Next(0, 600));
        var rotation = 8 + (random.NextDouble() * 5);
        var noData = 0.33 + (random.NextDouble() * 0.17);
        return new SceneLayout(camera, epsg, originE, originN, width, height, referencePixel, rotation, noData, centreUtc, lon, lat);
    }

    /// <summary>Pixel size of <paramref name="band"/> at this scale.</summary>
    public double PixelSize(BandSpec band) => ReferencePixelSize * band.Gsd / Camera.Bands.Max(b => b.Gsd);

    /// <summary>Grid size of <paramref name="band"/>.</summary>
    public (int Width, int Height) GridSize(BandSpec band)
    {
        var pixel = PixelSize(band);
        return ((int)Math.Round(GroundWidth / pixel), (int)Math.Round(GroundHeight / pixel));
    }

    /// <summary>The north-up geotransform of <paramref name="band"/>.</summary>
    public GeoTransform GeoTransform(BandSpec band)
    {
        var pixel = PixelSize(band);
        return new GeoTransform(OriginEasting, pixel, 0, OriginNorthing, 0, -pixel);
    }

    /// <summary>The footprint of <paramref name="band"/>'s grid.</summary>
    public SceneFootprint Footprint(BandSpec band)
    {
        var (w, h) = GridSize(band);
        return SceneFootprint.Create(w, h, RotationDegrees, NoDataFraction);
    }

    /// <summary>The grid of the coarsest band: the one truth masks are written on.</summary>
    public BandSpec ReferenceBand => Camera.Bands.MaxBy(b => b.Gsd)!;
}
