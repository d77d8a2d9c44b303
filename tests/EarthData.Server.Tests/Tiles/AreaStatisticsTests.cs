using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EarthData.Gdal;
using EarthData.Jobs.Pipeline;
using EarthData.Server.Tiles;
using EarthData.Testing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EarthData.Server.Tests.Tiles;

/// <summary>
/// <c>POST …/statistics</c> over a polygon with a hole, checked against GDAL on its own: <c>gdalwarp -cutline</c> masks
/// the COG, <c>gdalinfo -stats</c> and the masked pixels give the expected numbers.
/// </summary>
[Collection(GdalTests.Name)]
public sealed class AreaStatisticsTests(ProductServer server) : IClassFixture<ProductServer>
{
    // The published COG is Byte with nodata 0; the cut keeps that nodata outside the area.
    private const short NoData = 0;

    private PublishedProduct Product => server.Product;

    private string Cog => Path.Combine(Product.Processed.WorkDirectory, SceneProcessor.CogFileName);

    private string StatisticsPath => $"/tiles/{PublishedProduct.Collection}/{Product.ItemId}/statistics";

    [Fact]
    public async Task Statistics_PerBand_MatchGdalwarpCutlineAndGdalinfoStats()
    {
        var area = Area();

        using var response = await PostAsync(StatisticsPath + "?percentiles=2,50,98&histogram_bins=8", area.ToJsonString());

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        using var json = JsonDocument.Parse(body);
        Assert.True(json.RootElement.GetProperty("resolution").GetProperty("native").GetBoolean());
        var bands = json.RootElement.GetProperty("bands").EnumerateArray().ToList();
        var (info, pixels) = await GdalReferenceAsync(area, []);
        Assert.Equal(pixels.Count, bands.Count);
        for (var b = 0; b < bands.Count; b++)
        {
            var expected = info.GetProperty("bands")[b];
            var actual = bands[b];
            var values = pixels[b];
            Assert.Equal(values.Length, actual.GetProperty("count").GetInt64());
            Assert.True(values.Length > 1000, $"only {values.Length} pixels in the area");
            Assert.Equal(expected.GetProperty("minimum").GetDouble(), actual.GetProperty("min").GetDouble());
            Assert.Equal(expected.GetProperty("maximum").GetDouble(), actual.GetProperty("max").GetDouble());
            Assert.Equal(expected.GetProperty("mean").GetDouble(), actual.GetProperty("mean").GetDouble(), 3);
            Assert.Equal(expected.GetProperty("stdDev").GetDouble(), actual.GetProperty("std").GetDouble(), 3);
            Assert.Equal(values.Sum(v => (double)v), actual.GetProperty("sum").GetDouble());
            foreach (var p in new[] { 2.0, 50.0, 98.0 })
            {
                Assert.Equal(Percentile(values, p), actual.GetProperty("percentiles").GetProperty(p.ToString(CultureInfo.InvariantCulture)).GetDouble(), 9);
            }

            var counts = actual.GetProperty("histogram").GetProperty("counts").EnumerateArray().Select(c => c.GetInt64()).ToList();
            var edges = actual.GetProperty("histogram").GetProperty("edges").EnumerateArray().Select(c => c.GetDouble()).ToList();
            Assert.Equal(8, counts.Count);
            Assert.Equal(9, edges.Count);
            Assert.Equal(values.Length, counts.Sum());
            Assert.Equal(values.Count(v => v >= edges[0] && v < edges[1]), counts[0]);
        }
    }

    [Fact]
    public async Task Statistics_OfAnExpression_MatchTheIndexOfTheCutPixels()
    {
        var area = Area();

        using var response = await PostAsync(StatisticsPath + "?expression=(b4-b3)/(b4%2Bb3)&percentiles=50", area.ToJsonString());

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        using var json = JsonDocument.Parse(body);
        var actual = json.RootElement.GetProperty("bands")[0];
        Assert.Equal("(b4-b3)/(b4+b3)", actual.GetProperty("expression").GetString());
        var (_, pixels) = await GdalReferenceAsync(area, []);
        var index = pixels[3].Zip(pixels[2], (nir, red) => (float)(nir - red) / (nir + red)).Where(float.IsFinite).ToArray();
        Assert.Equal(index.Length, actual.GetProperty("count").GetInt64());
        Assert.Equal(index.Average(v => (double)v), actual.GetProperty("mean").GetDouble(), 6);
        Assert.Equal(index.Min(), actual.GetProperty("min").GetDouble(), 6);
        Assert.Equal(Percentile([.. index.Select(v => (double)v)], 50), actual.GetProperty("percentiles").GetProperty("50").GetDouble(), 6);
    }

    [Fact]
    public async Task Statistics_OfAWindowLargerThanTheLimit_AreComputedFromAnOverview_AsGdalReadsIt()
    {
        var area = Area();
        using var json = JsonDocument.Parse(area.ToJsonString());
        var polygons = AreaGeometry.Parse(json.RootElement, out var error) ?? throw new InvalidOperationException(error);
        var set = ItemTileSet.From(Product.Published.Item);
        var request = new StatisticsRequest([1, 2], null, [50], 4, null);
        using var dataset = GdalDataset.Open(Cog);
        var nativeResult = (JsonHttpResult<JsonObject>)AreaStatistics.Compute(dataset, set, polygons, request, long.MaxValue, default).Result;
        var window = nativeResult.Value!["resolution"]!["window"]!.AsArray();
        var nativePixels = (long)window[2]!.GetValue<int>() * window[3]!.GetValue<int>();

        var result = AreaStatistics.Compute(dataset, set, polygons, request, nativePixels - 1, default).Result;

        var document = Assert.IsType<JsonHttpResult<JsonObject>>(result).Value!;
        Assert.False(document["resolution"]!["native"]!.GetValue<bool>());
        Assert.Equal(1, document["resolution"]!["overview"]!.GetValue<int>());
        Assert.Contains("overview 1", document["resolution"]!["note"]!.GetValue<string>(), StringComparison.Ordinal);
        // GDAL reads the same overview onto its own grid: the COG's extent at the overview's pixel size.
        var gt = dataset.GeoTransform!.Value;
        var overview = dataset.GetBand(1).GetOverview(0);
        var (sizeX, sizeY) = (gt.PixelWidth * dataset.Width / overview.Width, -gt.PixelHeight * dataset.Height / overview.Height);
        string[] grid =
        [
            "-ovr", "0", "-tr", Text(sizeX), Text(sizeY), "-te", Text(gt.OriginX), Text(gt.OriginY - (sizeY * overview.Height)),
            Text(gt.OriginX + (sizeX * overview.Width)), Text(gt.OriginY),
        ];
        var (info, pixels) = await GdalReferenceAsync(area, grid);
        for (var b = 0; b < 2; b++)
        {
            var band = document["bands"]![b]!;
            Assert.Equal(pixels[b].Length, band["count"]!.GetValue<long>());
            Assert.Equal(info.GetProperty("bands")[b].GetProperty("mean").GetDouble(), band["mean"]!.GetValue<double>(), 3);
            Assert.Equal(info.GetProperty("bands")[b].GetProperty("maximum").GetDouble(), band["max"]!.GetValue<double>());
        }

        Assert.True(pixels[0].Length * 3 < nativeResult.Value!["bands"]![0]!["count"]!.GetValue<long>(), "the overview holds about a quarter of the pixels");
    }

    [Theory]
    [InlineData("""{"type":"Point","coordinates":[0,0]}""", "", HttpStatusCode.BadRequest, "give a Polygon or MultiPolygon")]
    [InlineData("""{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}""", "", HttpStatusCode.BadRequest, "must be closed")]
    [InlineData("""{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,95],[0,0]]]}""", "", HttpStatusCode.BadRequest, "leaves lon")]
    [InlineData("""{"type":"Polygon","coordinates":"x"}""", "", HttpStatusCode.BadRequest, "is not an array")]
    [InlineData("""{"type":"Feature","geometry":null}""", "", HttpStatusCode.BadRequest, "give a Polygon")]
    [InlineData("""{"type":"Polygon",""", "", HttpStatusCode.BadRequest, "the body is not JSON")]
    [InlineData("""{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}""", "", HttpStatusCode.NotFound, "does not overlap")]
    [InlineData("""{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}""", "?bands=9", HttpStatusCode.BadRequest, "band 9 does not exist")]
    [InlineData("""{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}""", "?bands=x", HttpStatusCode.BadRequest, "not a list of band numbers")]
    [InlineData("""{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}""", "?expression=b1%2F", HttpStatusCode.BadRequest, "expression:")]
    [InlineData("""{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}""", "?percentiles=101", HttpStatusCode.BadRequest, "percentiles '101'")]
    [InlineData("""{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}""", "?histogram_bins=0", HttpStatusCode.BadRequest, "histogram_bins '0'")]
    [InlineData("""{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}""", "?histogram_range=5,1", HttpStatusCode.BadRequest, "histogram_range '5,1'")]
    [InlineData("""{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}""", "?colormap=viridis", HttpStatusCode.BadRequest, "not a statistics parameter")]
    public async Task Statistics_RejectBadInput_WithProblemJson(string body, string query, HttpStatusCode status, string detail)
    {
        using var response = await PostAsync(StatisticsPath + query, body);

        await PreRenderedTileTests<ProductServer>.AssertProblemAsync(response, status, detail);
    }

    [Fact]
    public async Task Statistics_RejectTooManyVertices_AndTooLargeABody()
    {
        var ring = string.Join(',', Enumerable.Range(0, 10_001).Select(i => string.Create(CultureInfo.InvariantCulture, $"[{i * 1e-5},{(i % 2) * 1e-5}]")));
        using var many = await PostAsync(StatisticsPath, $$"""{"type":"Polygon","coordinates":[[{{ring}},[0,0]]]}""");
        await PreRenderedTileTests<ProductServer>.AssertProblemAsync(many, HttpStatusCode.BadRequest, "more than 10000 positions");

        // The server answers as soon as it sees the length (HttpClient would fail uploading the rest: a broken pipe).
        var huge = await RawHttp.PostHeadAsync(server.BaseAddress, StatisticsPath, 1_100_000, "{\"type\":\"Polygon\",\"pad\":\"");
        Assert.StartsWith("HTTP/1.1 413", huge, StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/problem+json", huge, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Statistics_RejectAHostileItemName()
    {
        using var response = await PostAsync($"/tiles/{PublishedProduct.Collection}/..%2Fx/statistics", Area().ToJsonString());

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, response.StatusCode.ToString());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>A pentagon around the middle of the item with a triangular hole, as a Feature.</summary>
    private JsonObject Area()
    {
        var bbox = Product.Published.Item.Bbox!;
        var (cx, cy) = ((bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2);
        var (dx, dy) = ((bbox[2] - bbox[0]) * 0.21, (bbox[3] - bbox[1]) * 0.19);
        JsonArray Ring(params (double X, double Y)[] points) => [.. points.Append(points[0]).Select(p => (JsonNode)new JsonArray(cx + (p.X * dx), cy + (p.Y * dy)))];
        return new JsonObject
        {
            ["type"] = "Feature",
            ["properties"] = new JsonObject(),
            ["geometry"] = new JsonObject
            {
                ["type"] = "Polygon",
                ["coordinates"] = new JsonArray(
                    Ring((-0.93, -0.71), (0.88, -0.97), (1.03, 0.41), (0.07, 1.01), (-1.07, 0.33)),
                    Ring((-0.23, -0.17), (0.31, -0.29), (0.03, 0.37))),
            },
        };
    }

    /// <summary>GDAL's own answer: the COG cut by gdalwarp (nodata outside), its gdalinfo statistics and its valid pixels per band.</summary>
    private async Task<(JsonElement Info, List<short[]> Pixels)> GdalReferenceAsync(JsonObject area, string[] warpOptions)
    {
        var cutline = Path.Combine(Product.WorkDirectory, $"cut-{Guid.NewGuid():N}.geojson");
        var output = Path.ChangeExtension(cutline, ".tif");
        await File.WriteAllTextAsync(cutline, Mercator(area).ToJsonString());
        var warp = await ExternalTool.RunAsync("gdalwarp", ["-q", .. warpOptions, "-cutline", cutline, "-dstnodata", NoData.ToString(CultureInfo.InvariantCulture), "-of", "GTiff", Cog, output]);
        Assert.True(warp.ExitCode == 0, warp.Output);
        var info = await ExternalTool.RunAsync("gdalinfo", ["-stats", "-json", output]);
        Assert.True(info.ExitCode == 0, info.Output);
        using var dataset = GdalDataset.Open(output);
        var pixels = new List<short[]>();
        for (var b = 1; b <= dataset.BandCount; b++)
        {
            var values = new short[dataset.Width * dataset.Height];
            dataset.GetBand(b).Read(0, 0, dataset.Width, dataset.Height, values.AsSpan());
            pixels.Add([.. values.Where(v => v != NoData)]);
        }

        return (JsonDocument.Parse(info.Stdout).RootElement.Clone(), pixels);
    }

    /// <summary>
    /// The area as a FeatureCollection in EPSG:3857: the API draws polygon edges straight in the COG's Web Mercator, and
    /// GDAL would draw edges of a WGS 84 cutline straight in degrees (slightly curved in Mercator).
    /// </summary>
    private static JsonObject Mercator(JsonObject area)
    {
        var feature = area.DeepClone().AsObject();
        foreach (var ring in feature["geometry"]!["coordinates"]!.AsArray())
        {
            foreach (var position in ring!.AsArray())
            {
                var (x, y) = EarthData.Core.Tiling.WebMercatorQuad.LonLatToMeters(position![0]!.GetValue<double>(), position[1]!.GetValue<double>());
                position[0] = x;
                position[1] = y;
            }
        }

        return new JsonObject
        {
            ["type"] = "FeatureCollection",
            ["crs"] = new JsonObject { ["type"] = "name", ["properties"] = new JsonObject { ["name"] = "urn:ogc:def:crs:EPSG::3857" } },
            ["features"] = new JsonArray(feature),
        };
    }

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static double Percentile(IEnumerable<short> values, double percentile) => Percentile([.. values.Select(v => (double)v)], percentile);

    private static double Percentile(double[] values, double percentile)
    {
        Array.Sort(values);
        var position = percentile / 100 * (values.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, values.Length - 1);
        return values[below] + ((values[above] - values[below]) * (position - below));
    }

    private Task<HttpResponseMessage> PostAsync(string path, string body) =>
        server.Client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/geo+json"));
}
