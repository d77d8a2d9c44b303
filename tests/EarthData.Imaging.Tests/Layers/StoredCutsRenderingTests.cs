using EarthData.Core.Stac;
using EarthData.Gdal;
using EarthData.Imaging.Layers;
using EarthData.Imaging.Pyramid;
using EarthData.Imaging.Rendering;

namespace EarthData.Imaging.Tests.Layers;

public sealed class StoredCutsRenderingTests
{
    private static readonly TileWindow Whole = new(0, 0, 256, 256, 0, 0, 256, 256, ResampleAlgorithm.NearestNeighbour);

    [Fact]
    public void Create_WithStoredCuts_DrawsWithThemInsteadOfAnEstimate()
    {
        using var dataset = SceneStatisticsTests.ThreeBands();
        var estimated = LayerRenderer.Create(dataset, LayerDefinition.Parse("band:3"));
        // Cuts far from the estimate (which spans about 1–180): most of the band is drawn white.
        var stored = Statistics(dataset, (10, 40));

        var renderer = LayerRenderer.Create(dataset, LayerDefinition.Parse("band:3"), statistics: stored);

        Assert.Equal((10.0, 40.0), (renderer.Stretches[0].Low, renderer.Stretches[0].High));
        Assert.NotEqual((renderer.Stretches[0].Low, renderer.Stretches[0].High), (estimated.Stretches[0].Low, estimated.Stretches[0].High));
        var (ours, theirs) = (new byte[TileDownsampler.TileBytes], new byte[TileDownsampler.TileBytes]);
        renderer.Render(dataset, Whole, ours);
        estimated.Render(dataset, Whole, theirs);
        var values = new byte[256 * 256];
        dataset.GetBand(3).Read<byte>(0, 0, 256, 256, values);
        var expected = new byte[values.Length];
        new LinearStretch(10, 40).Apply(values, expected);
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] != 0)
            {
                Assert.Equal(expected[i], ours[i * 4]);
            }
        }

        Assert.True(CountDifferent(ours, theirs) > 256 * 64, "the stored cuts should visibly change the picture");
    }

    [Fact]
    public void Create_WithStatisticsButNoCuts_OrCutsOfOtherPercentiles_Estimates()
    {
        using var dataset = SceneStatisticsTests.ThreeBands();
        var estimated = LayerRenderer.Create(dataset, LayerDefinition.Parse("band:2")).Stretches[0];
        var withoutCuts = Statistics(dataset, (10, 40)).Select(s => s! with { Stretch = null }).ToArray();
        var otherPercentiles = Statistics(dataset, (10, 40)).Select(s => s! with { Stretch = s.Stretch! with { LowPercent = 5 } }).ToArray();

        foreach (var statistics in new IReadOnlyList<RasterBandStatistics?>?[] { null, [], withoutCuts, otherPercentiles })
        {
            var stretch = LayerRenderer.Create(dataset, LayerDefinition.Parse("band:2"), statistics: statistics).Stretches[0];
            Assert.Equal((estimated.Low, estimated.High), (stretch.Low, stretch.High));
        }
    }

    [Fact]
    public void SceneStretch_WithStoredCutsForEveryBand_ReturnsThem_AndEstimatesWhenOneIsMissing()
    {
        using var dataset = SceneStatisticsTests.ThreeBands();
        var stored = Statistics(dataset, (10, 40));

        var cuts = SceneStretch.Estimate(dataset, [3, 1], stored);
        var partial = SceneStretch.Estimate(dataset, [3, 1], [stored[0], stored[1], null]);

        Assert.All(cuts, c => Assert.Equal((10.0, 40.0), (c.Low, c.High)));
        Assert.Equal(SceneStretch.Estimate(dataset, [3, 1]).Select(c => (c.Low, c.High)), partial.Select(c => (c.Low, c.High)));
    }

    /// <summary>The dataset's real statistics with every band's cut replaced by <paramref name="cut"/>.</summary>
    private static RasterBandStatistics?[] Statistics(GdalDataset dataset, (double Low, double High) cut) =>
        [.. SceneStatistics.Compute(dataset).Select(s => s! with { Stretch = new StretchCut(2, 98, cut.Low, cut.High) })];

    private static int CountDifferent(byte[] a, byte[] b)
    {
        var count = 0;
        for (var i = 0; i < a.Length; i += 4)
        {
            count += a[i] != b[i] ? 1 : 0;
        }

        return count;
    }
}
