using EarthData.Core.Metadata;
using EarthData.Core.Radiometry;
using EarthData.Core.Scenes;
using EarthData.Gdal;
using EarthData.Imaging.Radiometry;
using EarthData.Jobs.Alerts;
using EarthData.Samples;
using EarthData.Testing;

namespace EarthData.Jobs.Tests.Alerts;

/// <summary>The reflectance alert evaluation reads: each pixel with its own head's calibration on a two-head scene.</summary>
public sealed class SceneReflectanceTests : IDisposable
{
    /// <summary>The right head's coefficient over the left's, per WFI band (13 blue … 16 NIR).</summary>
    private static readonly Dictionary<int, double> RightGain = new() { [13] = 0.9, [14] = 1.1, [15] = 0.8, [16] = 1.3 };

    private readonly string _root = Directory.CreateTempSubdirectory("earthdata-reflectance-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Read_GivesEachHeadsPixelsItsOwnFactors_WestAndEastOfTheSeam()
    {
        var scene = TwoHeadScene.Copy(Wfi(), _root, RightGain);
        var metadata = SceneMetadata.Read(ArchiveLayout.Locate(scene));
        string[] names = ["blue", "green", "red", "nir"];
        var specs = names.Select(n => metadata.Camera.Bands.First(b => b.CommonName == n)).ToList();
        var heads = ReflectanceFactors.ByCamera(metadata, specs)!;
        var seam = CameraSeam.Between(metadata.Cameras[0], metadata.Cameras[1])!;

        var reflectance = SceneReflectance.Read(scene, CancellationToken.None);

        float[][] read = [reflectance.Blue, reflectance.Green, reflectance.Red, reflectance.Nir];
        var gt = reflectance.GeoTransform;
        int left = 0, right = 0;
        for (var b = 0; b < 4; b++)
        {
            var dn = Dn(ArchiveLayout.Locate(scene).Band(specs[b].Number).TiffPath, reflectance.Width, reflectance.Height);
            for (var row = 0; row < reflectance.Height; row++)
            {
                var northing = gt.OriginY + ((row + 0.5) * gt.PixelHeight);
                for (var col = 0; col < reflectance.Width; col++)
                {
                    var i = (row * reflectance.Width) + col;
                    var offset = gt.OriginX + ((col + 0.5) * gt.PixelWidth) - seam.EastingAt(northing);
                    if (dn[i] == 0 || Math.Abs(offset) < 2 * gt.PixelWidth)
                    {
                        Assert.True(dn[i] != 0 || read[b][i] == 0, $"band {specs[b].Number} pixel ({col}, {row}): nodata read as {read[b][i]}");
                        continue; // too near the seam for the test's own geometry to call the side
                    }

                    var factor = offset < 0 ? heads[0][b] : heads[1][b];
                    Assert.True(Math.Abs(read[b][i] - (dn[i] * factor)) <= 1e-6 * dn[i] * factor,
                        $"band {specs[b].Number} pixel ({col}, {row}), {(offset < 0 ? "left" : "right")} head: {read[b][i]}, expected {dn[i] * factor}");
                    _ = offset < 0 ? left++ : right++;
                }
            }
        }

        Assert.True(left > 4000 && right > 4000, $"{left} left and {right} right pixel values checked");
        Assert.True(heads[1][2] < heads[0][2] * 0.81, "the heads' red factors must differ for the test to tell them apart");
    }

    [Fact]
    public void Read_UsesTheSceneFactorsEverywhere_OnAOneHeadScene()
    {
        var scene = Wfi();
        var metadata = SceneMetadata.Read(ArchiveLayout.Locate(scene));
        var red = metadata.Camera.Bands.First(b => b.CommonName == "red");
        Assert.True(ReflectanceFactors.TryCompute(metadata, [red], out var factors));

        var reflectance = SceneReflectance.Read(scene, CancellationToken.None);

        var dn = Dn(ArchiveLayout.Locate(scene).Band(red.Number).TiffPath, reflectance.Width, reflectance.Height);
        Assert.Contains(dn, v => v > 0);
        for (var i = 0; i < dn.Length; i++)
        {
            Assert.True(Math.Abs(reflectance.Red[i] - (dn[i] * factors[0])) <= 1e-6 * dn[i] * factors[0], $"pixel {i}: {reflectance.Red[i]}");
        }
    }

    private string Wfi() => SyntheticSceneGenerator.Generate(new SyntheticSceneOptions
    {
        OutputRoot = Path.Combine(_root, "archive"), Collection = "CBERS4A-WFI", Scale = 0.03, Seed = 4, Path = 214, Row = 140,
        Date = new DateOnly(2023, 11, 2),
    }).Scenes[0].Directory;

    private static float[] Dn(string path, int width, int height)
    {
        using var dataset = GdalDataset.Open(path);
        var values = new float[width * height];
        dataset.GetBand(1).Read<float>(0, 0, width, height, values);
        return values;
    }
}
