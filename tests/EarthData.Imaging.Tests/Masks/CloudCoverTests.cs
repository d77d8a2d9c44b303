using EarthData.Core.Metadata;
using EarthData.Core.Scenes;
using EarthData.Gdal;
using EarthData.Imaging.Cog;
using EarthData.Imaging.Masks;
using EarthData.Imaging.Radiometry;
using EarthData.Samples;

namespace EarthData.Imaging.Tests.Masks;

public sealed class CloudCoverTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("earthdata-cloudcover-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Estimate_FromTheCogSample_AgreesWithTheFullResolutionMask_OnACloudyScene()
    {
        var (cog, metadata) = Cog("CBERS4-MUX", seed: 11, scale: 0.1);

        var estimate = CloudCover.Estimate(cog, metadata, sampleSize: 256);

        var full = FullResolutionCloudCover(cog, metadata);
        Assert.NotNull(estimate);
        Assert.InRange(full, 1, 99); // the generated scene has clouds and clear land
        Assert.InRange(estimate!.Value, full - 2, full + 2);
    }

    [Fact]
    public void Estimate_IsNull_ForACameraWithoutABlueBand()
    {
        var (cog, metadata) = Cog("CBERS4-PAN10M", seed: 5, scale: 0.02);

        Assert.Null(CloudCover.Estimate(cog, metadata));
    }

    private (string Cog, SceneMetadata Metadata) Cog(string collection, int seed, double scale)
    {
        var scene = SyntheticSceneGenerator.Generate(new SyntheticSceneOptions
        {
            OutputRoot = Path.Combine(_root, collection), Collection = collection, Scale = scale, Seed = seed,
        }).Scenes[0];
        var destination = Path.Combine(_root, collection + ".tif");
        CogWriter.Write(new CogRequest { Source = scene.Directory, Destination = destination });
        return (destination, SceneMetadata.Read(ArchiveLayout.Locate(scene.Directory)));
    }

    // The reference: every COG pixel classified, with the same factors.
    private static double FullResolutionCloudCover(string cog, SceneMetadata metadata)
    {
        string[] names = ["blue", "green", "red", "nir"];
        var specs = names.Select(n => metadata.Camera.Bands.First(b => b.CommonName == n)).ToArray();
        Assert.True(ReflectanceFactors.TryCompute(metadata, specs, out var factors));
        using var dataset = GdalDataset.Open(cog);
        var n = dataset.Width * dataset.Height;
        var bands = new float[4][];
        for (var b = 0; b < 4; b++)
        {
            var number = Enumerable.Range(1, dataset.BandCount).First(i => dataset.GetBand(i).Description == names[b]);
            bands[b] = new float[n];
            dataset.GetBand(number).Read<float>(0, 0, dataset.Width, dataset.Height, bands[b]);
            for (var i = 0; i < n; i++)
            {
                bands[b][i] *= (float)factors[b];
            }
        }

        var mask = new byte[n];
        CloudShadowMask.Classify(bands[0], bands[1], bands[2], bands[3], dataset.Width, Math.Abs(dataset.GeoTransform!.Value.PixelWidth), mask);
        return CloudShadowMask.CloudCoverPercent(mask);
    }
}
