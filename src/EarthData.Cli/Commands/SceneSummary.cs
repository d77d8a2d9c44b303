using EarthData.Core.Metadata;

namespace EarthData.Cli.Commands;

/// <summary>The JSON shape <c>scene inspect</c> prints.</summary>
internal sealed record SceneSummary(
    string Id,
    string Collection,
    DateTime Datetime,
    int Epsg,
    double[] Bbox,
    double[][] Footprint,
    IReadOnlyList<SceneSummary.BandSummary> Bands,
    double SunElevation,
    double SunAzimuth,
    double? OffNadir,
    IReadOnlyDictionary<string, double> Calibration)
{
    public static SceneSummary From(SceneMetadata scene)
    {
        var camera = scene.Camera;
        var bands = scene.BandMetadata.Select(b =>
        {
            var spec = camera.Band(b.Band);
            var optics = b.Primary;
            return new BandSummary(spec.Name, spec.CommonName, spec.CenterWavelength, optics.HorizontalPixelSize, optics.Columns, optics.Lines, b.AbsoluteCalibrationCoefficient);
        }).ToList();
        return new SceneSummary(
            scene.Id.ToString(),
            scene.CollectionId,
            scene.Datetime,
            scene.Epsg,
            [scene.BoundingBox.MinX, scene.BoundingBox.MinY, scene.BoundingBox.MaxX, scene.BoundingBox.MaxY],
            [.. scene.Footprint.Ring.Select(p => new[] { p.Lon, p.Lat })],
            bands,
            scene.SunElevation,
            scene.SunAzimuth,
            scene.OffNadir,
            scene.CalibrationCoefficients.ToDictionary(kv => "B" + kv.Key, kv => kv.Value));
    }

    internal sealed record BandSummary(string Name, string CommonName, double CenterWavelength, double PixelSize, int Columns, int Lines, double? CalibrationCoefficient);
}
