using System.Text.Json;
using EarthData.Core.Metadata;
using EarthData.Core.Scenes;
using EarthData.Samples.Synthesis;

namespace EarthData.Samples;

/// <summary>
/// Writes synthetic CBERS scenes in the layout of the public archive: per-band GeoTIFFs plus one INPE-style XML
/// per band, with plausible land cover (water, vegetation, soil, towns, saturating clouds) inside a rotated
/// footprint. A scenario writes a before/after pair of the same path/row and the truth mask of the change,
/// so alert tests can score themselves. Deterministic for a given seed.
/// </summary>
public static class SyntheticSceneGenerator
{
    /// <summary>The most seasons of history one run writes.</summary>
    public const int MaxHistorySeasons = 8;

    /// <summary>Vegetation vigour (NIR factor) of the history season <c>k</c> years back, k = 1…8; the pair has 1.</summary>
    public static IReadOnlyList<double> HistoryVigour { get; } = [0.9, 1.12, 0.75, 1.05, 0.82, 1.15, 0.95, 0.7];

    /// <summary>Generates the scenes <paramref name="options"/> describe; each scene folder appears only when complete.</summary>
    /// <exception cref="ArgumentException">An option is invalid (the message names it).</exception>
    public static GeneratedSamples Generate(SyntheticSceneOptions options, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var camera = options.Camera;
        var level = camera.Satellite == CbersSatellite.Cbers4A ? ProcessingLevel.L4 : ProcessingLevel.L2;
        var revisitDays = camera.Satellite == CbersSatellite.Cbers4A ? 31 : 26;
        DateOnly[] pair = options.Scenario == ChangeScenario.None ? [options.Date] : [options.Date.AddDays(-revisitDays), options.Date];
        var history = Enumerable.Range(1, options.HistorySeasons).Reverse().Select(k => options.Date.AddYears(-k)).ToArray();
        DateOnly[] dates = [.. history, .. pair];

        var referenceLayout = SceneLayout.Create(camera, options.Path, options.Row, options.Date, options.Scale, new Random(options.Seed));
        var referenceFootprint = referenceLayout.Footprint(referenceLayout.ReferenceBand);
        var featureSize = Math.Max(referenceFootprint.Width, referenceFootprint.Height) / 4.0;
        var landscape = new Landscape(options.Seed, featureSize);
        var texture = new ValueNoise(options.Seed + 303, Math.Max(2, featureSize / 40), 2);
        var change = options.Scenario == ChangeScenario.None ? null : ChangeRegion.Place(options.Scenario, referenceFootprint, options.Seed + 99);

        var covers = new List<SceneCover>();
        var scenes = new List<GeneratedScene>();
        var steps = dates.Length * camera.Bands.Count;
        var done = 0;
        for (var i = 0; i < dates.Length; i++)
        {
            var isAfter = i == dates.Length - 1 && change is not null;
            // Pair passes keep their historical cloud seeds (0 before, 1 after) so existing samples stay byte-identical.
            var pass = i - history.Length;
            var clouds = Landscape.Clouds(options.Seed + 7 + (1000 * (pass >= 0 ? pass : 100 - pass)), featureSize);
            var vigour = i < history.Length ? HistoryVigour[history.Length - 1 - i] : 1;
            var cover = new SceneCover(landscape, isAfter ? change : null, clouds, vigour);
            covers.Add(cover);
            // Same grid and footprint on every pass (the scenes co-register), acquired on its own date.
            var layout = SceneLayout.Create(camera, options.Path, options.Row, dates[i], options.Scale, new Random(options.Seed));
            var id = new SceneId(camera.Satellite, camera.Camera, dates[i], options.Path, options.Row, level);
            scenes.Add(WriteScene(options.OutputRoot, id, layout, cover, texture, options.Seed, () => progress?.Report(++done / (double)steps), cancellationToken));
        }

        if (change is null)
        {
            return new GeneratedSamples(scenes, null, null, 0);
        }

        var rowDirectory = System.IO.Path.GetDirectoryName(scenes[^1].Directory)!;
        var scenario = options.Scenario.ToString().ToLowerInvariant();
        var stem = $"truth_{scenario}_{scenes[^2].Id.AcquisitionDate:yyyyMMdd}_{scenes[^1].Id.AcquisitionDate:yyyyMMdd}";
        var maskPath = System.IO.Path.Combine(rowDirectory, stem + ".tif");
        var changed = TruthMaskWriter.Write(maskPath, referenceLayout, covers[^2], covers[^1], cancellationToken);
        var manifestPath = System.IO.Path.Combine(rowDirectory, stem + ".json");
        WriteManifest(manifestPath, options, scenes, maskPath, changed, referenceLayout);
        return new GeneratedSamples(scenes, maskPath, manifestPath, changed);
    }

    private static GeneratedScene WriteScene(string root, SceneId id, SceneLayout layout, SceneCover cover, ValueNoise texture, int seed,
        Action bandDone, CancellationToken cancellationToken)
    {
        var finalDirectory = ArchiveLayout.SceneDirectory(root, id);
        var parent = System.IO.Path.GetDirectoryName(finalDirectory)!;
        Directory.CreateDirectory(parent);
        var staging = System.IO.Path.Combine(parent, $".{id}.partial-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            foreach (var band in layout.Camera.Bands)
            {
                var tiffName = id.BandFileName(band.Number, ArchiveLayout.TiffExtension);
                var metadata = SyntheticMetadata.ForBand(id, layout, band, tiffName);
                InpeMetadataWriter.WriteFile(metadata, System.IO.Path.Combine(staging, id.BandFileName(band.Number, ArchiveLayout.XmlExtension)));
                BandRasterWriter.Write(System.IO.Path.Combine(staging, tiffName), layout, band, metadata, cover, texture, seed, cancellationToken);
                bandDone();
            }

            if (Directory.Exists(finalDirectory))
            {
                Directory.Delete(finalDirectory, recursive: true);
            }

            Directory.Move(staging, finalDirectory);
        }
        catch
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }

            throw;
        }

        var footprint = layout.Footprint(layout.ReferenceBand);
        return new GeneratedScene(id, finalDirectory, 1 - footprint.NoDataFraction);
    }

    private static void WriteManifest(string path, SyntheticSceneOptions options, List<GeneratedScene> scenes, string maskPath, long changed, SceneLayout layout)
    {
        var pixelArea = layout.ReferencePixelSize * layout.ReferencePixelSize;
        var manifest = new Dictionary<string, object>
        {
            ["scenario"] = options.Scenario.ToString().ToLowerInvariant(),
            ["before"] = scenes[^2].Id.ToString(),
            ["after"] = scenes[^1].Id.ToString(),
            ["history"] = scenes.SkipLast(2).Select(s => s.Id.ToString()).ToArray(),
            ["truthMask"] = System.IO.Path.GetFileName(maskPath),
            ["truthValues"] = new Dictionary<string, int> { ["unchanged"] = 0, ["changed"] = 1, ["unknown"] = 255 },
            ["changedPixels"] = changed,
            ["changedAreaKm2"] = Math.Round(changed * pixelArea / 1e6, 3),
            ["seed"] = options.Seed,
            ["scale"] = options.Scale,
        };
        File.WriteAllText(path, JsonSerializer.Serialize(manifest, ManifestJson));
    }

    private static readonly JsonSerializerOptions ManifestJson = new() { WriteIndented = true };
}
