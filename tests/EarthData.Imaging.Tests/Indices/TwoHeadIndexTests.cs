using EarthData.Core.Indices;
using EarthData.Core.Metadata;
using EarthData.Core.Radiometry;
using EarthData.Core.Scenes;
using EarthData.Gdal;
using EarthData.Imaging.Cog;
using EarthData.Imaging.Indices;
using EarthData.Imaging.Radiometry;
using EarthData.Imaging.Tests.Cog;
using EarthData.Testing;

namespace EarthData.Imaging.Tests.Indices;

public sealed class TwoHeadIndexTests(CogScenesFixture scenes) : IClassFixture<CogScenesFixture>, IDisposable
{
    /// <summary>The right head's coefficient over the left's, per WFI band (13 blue … 16 NIR): NDVI and EVI change across the seam.</summary>
    private static readonly Dictionary<int, double> RightGain = new() { [13] = 1.0, [14] = 1.1, [15] = 0.8, [16] = 1.3 };

    private readonly string _output = Directory.CreateTempSubdirectory("earthdata-heads-").FullName;

    public void Dispose() => Directory.Delete(_output, recursive: true);

    [Fact]
    public void Run_GivesEachHeadsPixelsItsOwnFactors_WestAndEastOfTheSeam()
    {
        var scene = TwoHeadScene.Copy(scenes.Wfi, _output, RightGain);
        var metadata = SceneMetadata.Read(ArchiveLayout.Locate(scene));
        Assert.Equal(2, metadata.Cameras.Count);
        var cogPath = Path.Combine(_output, "visual.tif");
        CogWriter.Write(new CogRequest { Source = scene, Destination = cogPath, Threads = 2 });

        MasterCogPass.Run(cogPath, metadata, [SpectralIndex.Ndvi, SpectralIndex.Evi], _output, threads: 2);

        string[] names = ["nir", "red", "blue"];
        var specs = names.Select(n => metadata.Camera.Bands.First(b => b.CommonName == n)).ToList();
        var heads = ReflectanceFactors.ByCamera(metadata, specs)!;
        Assert.True(ReflectanceFactors.TryCompute(metadata, specs, out var scene1));
        var seam = CameraSeam.Between(metadata.Cameras[0], metadata.Cameras[1])!;
        using var master = GdalDataset.Open(cogPath);
        var (w, h) = (master.Width, master.Height);
        var gt = master.GeoTransform!.Value;
        var dn = names.Select(n =>
        {
            var values = new float[w * h];
            master.GetBand(Enumerable.Range(1, master.BandCount).First(i => master.GetBand(i).Description == n)).Read<float>(0, 0, w, h, values);
            return values;
        }).ToArray();
        using var ndviCog = GdalDataset.Open(Path.Combine(_output, "ndvi.tif"));
        using var eviCog = GdalDataset.Open(Path.Combine(_output, "evi.tif"));
        var (ndvi, evi) = (new short[w * h], new short[w * h]);
        ndviCog.GetBand(1).Read<short>(0, 0, w, h, ndvi);
        eviCog.GetBand(1).Read<short>(0, 0, w, h, evi);

        using var mercator = SpatialReference.FromEpsg(3857);
        using var utm = SpatialReference.FromEpsg(metadata.Cameras[0].Projection.Epsg);
        using var toUtm = CoordinateTransformation.Create(mercator, utm);
        int left = 0, right = 0, changed = 0;
        var (xs, ys) = (new double[w], new double[w]);
        var nd = new float[1];
        var ev = new float[1];
        for (var row = 0; row < h; row++)
        {
            for (var col = 0; col < w; col++)
            {
                (xs[col], ys[col]) = (gt.OriginX + ((col + 0.5) * gt.PixelWidth), gt.OriginY + ((row + 0.5) * gt.PixelHeight));
            }

            toUtm.Transform(xs, ys);
            for (var col = 0; col < w; col++)
            {
                var i = (row * w) + col;
                var offset = xs[col] - seam.EastingAt(ys[col]);
                if (dn[0][i] == 0 || dn[1][i] == 0 || dn[2][i] == 0 || Math.Abs(offset) < 3 * gt.PixelWidth)
                {
                    continue; // nodata, or too near the seam for the test's own geometry to call the side
                }

                var factors = offset < 0 ? heads[0] : heads[1];
                Index(dn, i, factors, nd, ev);
                AssertStored(ndvi[i], nd[0], $"NDVI pixel ({col}, {row}), {(offset < 0 ? "left" : "right")} head");
                AssertStored(evi[i], ev[0], $"EVI pixel ({col}, {row}), {(offset < 0 ? "left" : "right")} head");
                if (offset < 0)
                {
                    left++;
                    continue;
                }

                right++;
                var (sceneNdvi, sceneEvi) = (new float[1], new float[1]);
                Index(dn, i, scene1, sceneNdvi, sceneEvi);
                changed += Math.Abs(sceneNdvi[0] - nd[0]) > 1e-3 ? 1 : 0;
            }
        }

        Assert.True(left > 1000 && right > 1000, $"{left} left and {right} right pixels checked");
        Assert.True(changed > right / 2, $"only {changed} of {right} right-head pixels tell the heads' factors from the scene's");
    }

    private static void Index(float[][] dn, int i, double[] factors, float[] ndvi, float[] evi)
    {
        float[] nir = [dn[0][i] * (float)factors[0]], red = [dn[1][i] * (float)factors[1]], blue = [dn[2][i] * (float)factors[2]];
        IndexKernels.NormalizedDifferenceScalar(nir, red, ndvi);
        IndexKernels.EviScalar(nir, red, blue, evi);
    }

    private static void AssertStored(short stored, float expected, string what)
    {
        if (float.IsNaN(expected))
        {
            Assert.True(stored == IndexCogWriter.NoData, $"{what}: {stored} where the kernel is undefined");
            return;
        }

        var value = stored * IndexCogWriter.Scale;
        Assert.True(Math.Abs(value - Math.Clamp(expected, -3.2767, 3.2767)) <= 0.6e-4, $"{what}: stored {value}, kernel {expected}");
    }
}
