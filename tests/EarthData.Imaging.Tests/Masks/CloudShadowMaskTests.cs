using EarthData.Imaging.Masks;

namespace EarthData.Imaging.Tests.Masks;

public class CloudShadowMaskTests
{
    // One row of 60 pixels of 100 m: cloud at 10–14, a dark non-water pixel next to it (16) and far from it (50),
    // vegetation, water, bright red ground and nodata.
    [Fact]
    public void Classify_FindsCloudsAndOnlyTheShadowsNearThem()
    {
        const int n = 60;
        var (blue, green, red, nir) = (Fill(n, 0.06f), Fill(n, 0.09f), Fill(n, 0.05f), Fill(n, 0.40f)); // vegetation
        for (var i = 10; i < 15; i++)
        {
            (blue[i], green[i], red[i], nir[i]) = (0.9f, 0.92f, 0.91f, 0.95f);
        }

        (blue[16], green[16], red[16], nir[16]) = (0.03f, 0.03f, 0.03f, 0.05f);
        (blue[50], green[50], red[50], nir[50]) = (0.03f, 0.03f, 0.03f, 0.05f);
        (blue[30], green[30], red[30], nir[30]) = (0.09f, 0.07f, 0.05f, 0.02f); // water: dark but NDWI > 0
        (blue[40], green[40], red[40], nir[40]) = (0.10f, 0.30f, 0.60f, 0.60f); // bright red ground: too coloured for cloud
        (blue[59], green[59], red[59], nir[59]) = (0, 0, 0, 0);
        var mask = new byte[n];

        CloudShadowMask.Classify(blue, green, red, nir, n, 100, mask);

        Assert.All(Enumerable.Range(10, 5), i => Assert.Equal(CloudShadowMask.Cloud, mask[i]));
        Assert.Equal(CloudShadowMask.Shadow, mask[16]);
        Assert.Equal(CloudShadowMask.Clear, mask[50]);
        Assert.Equal(CloudShadowMask.Clear, mask[30]);
        Assert.Equal(CloudShadowMask.Clear, mask[40]);
        Assert.Equal(CloudShadowMask.NoData, mask[59]);
        Assert.Equal(Math.Round(500.0 / 59, 2), CloudShadowMask.CloudCoverPercent(mask));
    }

    private static float[] Fill(int n, float value) => Enumerable.Repeat(value, n).ToArray();
}
