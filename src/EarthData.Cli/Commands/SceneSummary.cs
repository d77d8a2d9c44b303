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
    IReadOnlyDictionary<string, double> Calibration,
    SceneSummary.SourceSummary Sources)
{
    public static SceneSummary From(SceneMetadata scene)
    {
        var camera = scene.Camera;
        // Every band of the camera (the band GeoTIFFs decide which exist); its grid from its own XML when there is one.
        var bands = camera.Bands.Select(spec =>
        {
            var file = scene.BandMetadata.FirstOrDefault(b => b.Band == spec.Number);
            double? coefficient = scene.CalibrationCoefficients.TryGetValue(spec.Number, out var c) ? c : null;
            return new BandSummary(spec.Name, spec.CommonName, spec.CenterWavelength, file?.Primary.HorizontalPixelSize ?? spec.Gsd,
                file?.Primary.Columns, file?.Primary.Lines, coefficient,
                file?.SourceName, scene.CalibrationSources.GetValueOrDefault(spec.Number));
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
            scene.CalibrationCoefficients.ToDictionary(kv => "B" + kv.Key, kv => kv.Value),
            new SourceSummary(scene.PrimarySource, [.. scene.BandMetadata.Select(b => b.SourceName)]));
    }

    /// <summary>A band; <c>MetadataSource</c> is its own XML (null without one: pixel size from the camera, no grid), <c>CalibrationSource</c> the XML its coefficient came from.</summary>
    internal sealed record BandSummary(string Name, string CommonName, double CenterWavelength, double PixelSize, int? Columns, int? Lines, double? CalibrationCoefficient,
        string? MetadataSource, string? CalibrationSource);

    /// <summary>Which file the scene-level fields (id, datetime, EPSG, bbox, footprint, sun angles, off-nadir) came from, and every file read.</summary>
    internal sealed record SourceSummary(string Scene, IReadOnlyList<string> Files);
}
