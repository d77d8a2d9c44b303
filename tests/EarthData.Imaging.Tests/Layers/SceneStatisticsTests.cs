using EarthData.Gdal;
using EarthData.Imaging.Layers;

namespace EarthData.Imaging.Tests.Layers;

public sealed class SceneStatisticsTests
{
    private const int Width = 300;
    private const int Height = 200;

    [Theory]
    [InlineData(GdalDataType.Byte)]
    [InlineData(GdalDataType.Int16)]
    [InlineData(GdalDataType.UInt16)]
    [InlineData(GdalDataType.Float32)]
    public void Compute_MatchesGdalsExactStatisticsAndHistogram_OfTheValidPixels(GdalDataType type)
    {
        // Nodata 0 over the west third; 8- and 16-bit bands are counted in a table, floats by running moments and a
        // second pass for the histogram, with NaN pixels that count as invalid too.
        using var dataset = GdalDataset.Create("MEM", "", Width, Height, 1, type);
        var pixels = new double[Width * Height];
        var valid = 0;
        for (var y = 0; y < Height; y++)
        {
            for (var x = Width / 3; x < Width; x++)
            {
                var i = (y * Width) + x;
                pixels[i] = type switch
                {
                    GdalDataType.Byte => 1 + ((x * 7) + (y * 3)) % 250,
                    GdalDataType.Int16 => NonZero(-400 + (((x * 13) + (y * 29)) % 1400)),
                    GdalDataType.UInt16 => 1 + ((x * 131) + (y * 977)) % 40000,
                    _ => i % 97 == 0 ? double.NaN : 0.05 + (Math.Sin(i * 0.001) * 0.8),
                };
                valid += double.IsNaN(pixels[i]) ? 0 : 1;
            }
        }

        var band = dataset.GetBand(1);
        band.Write<double>(0, 0, Width, Height, pixels);
        band.NoDataValue = 0;

        var ours = SceneStatistics.Compute(dataset).Single()!;

        var gdal = band.ComputeStatistics(approximate: false);
        Assert.Equal(gdal.Minimum, ours.Minimum, 6);
        Assert.Equal(gdal.Maximum, ours.Maximum, 6);
        Assert.Equal(gdal.Mean, ours.Mean, 6);
        Assert.Equal(gdal.StandardDeviation, ours.StdDev, 6);
        Assert.Equal(100.0 * valid / (Width * Height), ours.ValidPercent, 9);
        var histogram = ours.Histogram!;
        Assert.Equal(SceneStatistics.HistogramBuckets, histogram.Count);
        Assert.Equal((ours.Minimum, ours.Maximum), (histogram.Min, histogram.Max));
        Assert.Equal(valid, histogram.Buckets.Sum());
        Assert.Equal(band.GetHistogram(ours.Minimum, ours.Maximum, SceneStatistics.HistogramBuckets, includeOutOfRange: true, approximate: false),
            histogram.Buckets);
    }

    [Fact]
    public void Compute_StoresTheCutsTheRendererWouldEstimate_WhenTheBandsShareTheirFootprint()
    {
        using var dataset = ThreeBands();

        var statistics = SceneStatistics.Compute(dataset);

        var estimated = StretchEstimator.Estimate(dataset, [1, 2, 3], new LayerDefinition());
        for (var b = 1; b <= 3; b++)
        {
            var cut = statistics[b - 1]!.Stretch!;
            Assert.Equal((2.0, 98.0), (cut.LowPercent, cut.HighPercent));
            Assert.Equal((estimated[b - 1].Low, estimated[b - 1].High), (cut.Low, cut.High));
            var renderer = LayerRenderer.Create(dataset, LayerDefinition.Parse($"band:{b}"));
            Assert.Equal((renderer.Stretches[0].Low, renderer.Stretches[0].High), (cut.Low, cut.High));
        }
    }

    [Fact]
    public void Compute_LeavesAnAlphaBandWithoutStatistics_AndCountsOnlyPixelsItMarksOpaque()
    {
        using var dataset = GdalDataset.Create("MEM", "", Width, Height, 2, GdalDataType.Byte);
        var grey = new byte[Width * Height];
        var alpha = new byte[Width * Height];
        for (var i = 0; i < grey.Length; i++)
        {
            grey[i] = (byte)(i % 200);
            alpha[i] = (byte)(i % Width < Width / 2 ? 255 : 0);
        }

        dataset.GetBand(1).Write<byte>(0, 0, Width, Height, grey);
        dataset.GetBand(2).Write<byte>(0, 0, Width, Height, alpha);
        dataset.GetBand(2).ColorInterpretation = ColorInterpretation.Alpha;

        var statistics = SceneStatistics.Compute(dataset);

        Assert.Null(statistics[1]);
        Assert.Equal(50, statistics[0]!.ValidPercent, 9);
        Assert.Equal(grey.Where((_, i) => alpha[i] != 0).Max(), statistics[0]!.Maximum);
    }

    private static double NonZero(int value) => value == 0 ? 1 : value;

    /// <summary>A 256² Byte raster of three bands with one footprint: nodata 0 over the west quarter, textures elsewhere.</summary>
    internal static GdalDataset ThreeBands()
    {
        const int side = 256;
        var dataset = GdalDataset.Create("MEM", "", side, side, 3, GdalDataType.Byte);
        for (var b = 1; b <= 3; b++)
        {
            var pixels = new byte[side * side];
            for (var y = 0; y < side; y++)
            {
                for (var x = side / 4; x < side; x++)
                {
                    pixels[(y * side) + x] = (byte)(1 + (((x * (b + 2)) + (y * (b + 5))) % (60 * b)));
                }
            }

            dataset.GetBand(b).Write<byte>(0, 0, side, side, pixels);
            dataset.GetBand(b).NoDataValue = 0;
        }

        return dataset;
    }
}
