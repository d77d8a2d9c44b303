using EarthData.Gdal;
using EarthData.Imaging.Layers;

namespace EarthData.Imaging.Tests.Layers;

public class StretchEstimatorTests
{
    [Fact]
    public void Estimate_IgnoresTheSaturationSpike_SoCloudsDoNotDarkenTheLand()
    {
        // 90 % land spread over DN 20–80, 10 % saturated cloud at 255.
        using var dataset = GdalDataset.Create("MEM", "", 100, 100, 1, GdalDataType.Byte);
        var pixels = new byte[100 * 100];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = i % 10 == 0 ? (byte)255 : (byte)(20 + (i * 7 % 61));
        }

        dataset.GetBand(1).Write<byte>(0, 0, 100, 100, pixels);
        var stretch = StretchEstimator.Estimate(dataset, [1], LayerDefinition.TrueColor)[0];
        Assert.InRange(stretch.Low, 19, 23);
        Assert.InRange(stretch.High, 76, 81);
    }

    [Fact]
    public void Estimate_KeepsTheTopOfTheRange_WhenNothingIsSaturated()
    {
        using var dataset = GdalDataset.Create("MEM", "", 100, 100, 1, GdalDataType.Byte);
        var pixels = new byte[100 * 100];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (byte)(i % 200);
        }

        dataset.GetBand(1).Write<byte>(0, 0, 100, 100, pixels);
        var stretch = StretchEstimator.Estimate(dataset, [1], LayerDefinition.TrueColor)[0];
        Assert.InRange(stretch.High, 190, 199);
    }

    [Fact]
    public void Estimate_LargeRasterWithoutOverviews_SamplesWindowsAndHonoursTheMask()
    {
        // 3000² Int16 without overviews: the west half nodata (0), the east half spread evenly over DN 100–1099.
        const int side = 3000;
        using var dataset = GdalDataset.Create("MEM", "", side, side, 1, GdalDataType.Int16);
        var pixels = new short[side * side];
        for (var y = 0; y < side; y++)
        {
            for (var x = side / 2; x < side; x++)
            {
                pixels[(y * side) + x] = (short)(100 + (((x * 7) + (y * 13)) % 1000));
            }
        }

        var band = dataset.GetBand(1);
        band.Write<short>(0, 0, side, side, pixels);
        band.NoDataValue = 0;

        var stretch = StretchEstimator.Estimate(dataset, [1], LayerDefinition.TrueColor)[0];

        Assert.Equal(0, band.OverviewCount);
        Assert.InRange(stretch.Low, 110, 130);
        Assert.InRange(stretch.High, 1070, 1090);
    }
}
