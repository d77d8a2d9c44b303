using System.Text.Json;
using EarthData.Core.Stac;

namespace EarthData.Core.Tests.Stac;

public sealed class RasterBandFieldsTests
{
    private static readonly RasterBandStatistics Sample = new()
    {
        Minimum = 3,
        Maximum = 1021,
        Mean = 412.25,
        StdDev = 97.125,
        ValidPercent = 61.5,
        Histogram = new BandHistogram(3, 1021, [5, 0, 17, 40]),
        Stretch = new StretchCut(2, 98, 211.5, 688.0625),
    };

    [Fact]
    public void Read_OfAnAssetThroughJson_ReturnsWhatAddWrote_InBandOrder()
    {
        var band = new Dictionary<string, object> { ["name"] = "B7" };
        RasterBandFields.Add(band, Sample);
        var asset = new StacAsset
        {
            Href = "cogs/x/visual.tif",
            Fields = new Dictionary<string, JsonElement> { ["bands"] = StacJson.Element(new object[] { new Dictionary<string, object> { ["name"] = "alpha" }, band }) },
        };

        var read = RasterBandFields.Read(StacJson.Deserialize<StacAsset>(StacJson.Serialize(asset)));

        Assert.Equal(2, read.Count);
        Assert.Null(read[0]);
        var stored = read[1]!;
        Assert.Equal(Sample with { Histogram = null }, stored with { Histogram = null });
        Assert.Equal((3.0, 1021.0, 4), (stored.Histogram!.Min, stored.Histogram.Max, stored.Histogram.Count));
        Assert.Equal(Sample.Histogram!.Buckets, stored.Histogram.Buckets);
    }

    [Fact]
    public void Add_WritesStacCommonStatistics_TheRasterHistogram_AndTheCut()
    {
        var band = new Dictionary<string, object>();

        RasterBandFields.Add(band, Sample);

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(band));
        var root = json.RootElement;
        Assert.Equal(["maximum", "mean", "minimum", "stddev", "valid_percent"], root.GetProperty("statistics").EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(4, root.GetProperty("raster:histogram").GetProperty("count").GetInt32());
        Assert.Equal(688.0625, root.GetProperty("earthdata:stretch").GetProperty("high").GetDouble());
    }

    [Theory]
    [InlineData("""{"bands":[{"statistics":{"minimum":1,"maximum":2}}]}""")]
    [InlineData("""{"bands":[{"statistics":{"minimum":"1","maximum":2,"mean":1,"stddev":1}}]}""")]
    [InlineData("""{"bands":[{"statistics":7}]}""")]
    [InlineData("""{"bands":[3]}""")]
    public void Read_OfIncompleteStatistics_GivesNullForTheBand(string fields)
    {
        var asset = StacJson.Deserialize<StacAsset>(fields.Replace("{\"bands\"", "{\"href\":\"a.tif\",\"bands\"", StringComparison.Ordinal));

        Assert.Equal([null], RasterBandFields.Read(asset));
    }

    [Fact]
    public void Read_OfARasterV1Asset_ReadsRasterBands_AndDropsAnEmptyCut()
    {
        var asset = StacJson.Deserialize<StacAsset>(
            """{"href":"a.tif","raster:bands":[{"statistics":{"minimum":1,"maximum":9,"mean":4,"stddev":2},"earthdata:stretch":{"low_percent":2,"high_percent":98,"low":5,"high":5}}]}""");

        var read = RasterBandFields.Read(asset).Single()!;

        Assert.Equal((1.0, 9.0, 100.0), (read.Minimum, read.Maximum, read.ValidPercent));
        Assert.Null(read.Stretch);
        Assert.Empty(RasterBandFields.Read(new StacAsset { Href = "b.tif" }));
    }
}
