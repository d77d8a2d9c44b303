using EarthData.Core.Metadata;
using EarthData.Core.Radiometry;
using EarthData.Core.Scenes;
using EarthData.Gdal;
using EarthData.Samples.Synthesis;

namespace EarthData.Samples;

/// <summary>Builds the INPE per-band metadata of a synthetic scene from its layout.</summary>
internal static class SyntheticMetadata
{
    /// <summary>Reflectance at which a band saturates: bright clouds clip, land does not.</summary>
    public const double SaturationReflectance = 0.75;

    public static InpeBandMetadata ForBand(SceneId id, SceneLayout layout, BandSpec band, string tiffPath)
    {
        var (width, height) = layout.GridSize(band);
        var transform = layout.GeoTransform(band);
        var footprint = layout.Footprint(band);
        var (elevation, azimuth) = SunPosition.At(layout.CentreLon, layout.CentreLat, layout.ViewingCenter);
        elevation = Math.Max(elevation, 5);
        var coefficients = layout.Camera.Bands
            .Where(b => b.CommonName != "pan" || layout.Camera.Bands.Count == 1)
            .ToDictionary(b => b.Number, b => Math.Round(ToaReflectance.CoefficientForSaturation(
                SaturationReflectance, b.MaxValue, b, elevation, id.AcquisitionDate), 6));

        using var wgs84 = SpatialReference.FromEpsg(4326);
        using var utm = SpatialReference.FromEpsg(layout.Epsg);
        using var toGeographic = CoordinateTransformation.Create(utm, wgs84);
        ImageCorner Corner(double column, double row)
        {
            var (e, n) = transform.PixelToWorld(column, row);
            var (lon, lat) = toGeographic.Transform(e, n);
            return new ImageCorner(Math.Round(row, 6), Math.Round(column, 6), Math.Round(lat, 6), Math.Round(lon, 6), Math.Round(n), Math.Round(e));
        }

        var grid = new CornerSet(Corner(0, 0), Corner(width, 0), Corner(width, height), Corner(0, height), Corner(width / 2.0, height / 2.0));
        var c = footprint.Corners();
        var image = new CornerSet(Corner(c[0].Column, c[0].Row), Corner(c[1].Column, c[1].Row), Corner(c[2].Column, c[2].Row),
            Corner(c[3].Column, c[3].Row), Corner(width / 2.0, height / 2.0));
        var halfDuration = TimeSpan.FromSeconds(layout.Camera.Camera is CbersCamera.Awfi or CbersCamera.Wfi ? 60 : 9);
        var viewing = new AcquisitionWindow(layout.ViewingCenter - halfDuration, layout.ViewingCenter, layout.ViewingCenter + halfDuration);
        var optics = new OpticsMetadata
        {
            Optics = Optics.None,
            SatelliteName = "CBERS",
            SatelliteNumber = id.Satellite == CbersSatellite.Cbers4A ? "4A" : "4",
            Instrument = CbersNames.CameraToken(id.Camera),
            AvailableBands = [.. layout.Camera.Bands.Select(b => b.Number)],
            Viewing = viewing,
            ImageTimeStamp = viewing,
            Level = id.Level.ToString()[1..],
            Columns = width,
            Lines = height,
            HorizontalPixelSize = layout.PixelSize(band),
            VerticalPixelSize = layout.PixelSize(band),
            OrbitDirection = "Descending",
            Path = id.Path,
            Row = id.Row,
            SunElevation = Math.Round(elevation, 4),
            SunAzimuth = Math.Round(azimuth, 4),
            Roll = 0,
            BoundingBox = grid,
            ImageData = image,
            Projection = new UtmProjection("UTM", "WGS84", (layout.Zone * 6) - 183, 0, 0.9996, 500_000, layout.IsSouth ? 10_000_000 : 0),
            AbsoluteCalibrationCoefficients = coefficients,
            BandFilePath = tiffPath,
        };
        return new InpeBandMetadata
        {
            SourceName = id.BandFileName(band.Number, ArchiveLayout.XmlExtension),
            SceneId = id,
            Band = band.Number,
            Cameras = [optics],
        };
    }
}
