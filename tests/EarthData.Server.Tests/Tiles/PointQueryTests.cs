using System.Globalization;
using System.Net;
using System.Text.Json;
using EarthData.Core.Metadata;
using EarthData.Core.Tiling;
using EarthData.Gdal;
using EarthData.Imaging.Radiometry;
using EarthData.Jobs.Pipeline;

namespace EarthData.Server.Tests.Tiles;

/// <summary>
/// Queries on an item: <c>point/{lon},{lat}</c> (pixel values of the published COG in DN and TOA reflectance) and
/// <c>preview.png</c> (the whole item in one image).
/// </summary>
[Collection(GdalTests.Name)]
public sealed class PointQueryTests(ProductServer server) : IClassFixture<ProductServer>
{
    private PublishedProduct Product => server.Product;

    [Fact]
    public async Task Point_AnswersEveryBandInDnAndReflectance_AsTheCogHoldsIt()
    {
        var cog = Path.Combine(Product.Processed.WorkDirectory, SceneProcessor.CogFileName);
        var bbox = Product.Published.Item.Bbox!;
        var (lon, lat) = ((bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2);

        using var response = await server.Client.GetAsync(string.Create(CultureInfo.InvariantCulture,
            $"/tiles/{PublishedProduct.Collection}/{Product.ItemId}/point/{lon},{lat}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var bands = json.RootElement.GetProperty("bands").EnumerateArray().ToList();
        using var dataset = GdalDataset.Open(cog);
        Assert.Equal(dataset.BandCount, bands.Count);
        var (x, y) = WebMercatorQuad.LonLatToMeters(lon, lat);
        var gt = dataset.GeoTransform!.Value;
        var (column, row) = ((int)Math.Floor((x - gt.OriginX) / gt.PixelWidth), (int)Math.Floor((y - gt.OriginY) / gt.PixelHeight));
        var metadata = SceneMetadata.Merge(Product.Processed.Manifest.MetadataXml.Select(f => InpeMetadataReader.ReadFile(Product.Processed.PathOf(f))));
        var specs = metadata.Camera.Bands;
        Assert.True(ReflectanceFactors.TryCompute(metadata, specs, out var factors));
        for (var b = 1; b <= dataset.BandCount; b++)
        {
            var value = new short[1];
            dataset.GetBand(b).Read(column, row, 1, 1, value.AsSpan());
            Assert.Equal(value[0], bands[b - 1].GetProperty("dn").GetDouble());
            var name = bands[b - 1].GetProperty("name").GetString();
            var factor = factors[specs.ToList().FindIndex(s => s.CommonName == name)];
            Assert.Equal(value[0] * factor, bands[b - 1].GetProperty("reflectance").GetDouble(), 5);
        }
    }

    [Theory]
    [InlineData("point/abc", HttpStatusCode.BadRequest, "is not 'lon,lat'")]
    [InlineData("point/10", HttpStatusCode.BadRequest, "is not 'lon,lat'")]
    [InlineData("point/200,0", HttpStatusCode.BadRequest, "is not 'lon,lat'")]
    [InlineData("point/0,89", HttpStatusCode.BadRequest, "is not 'lon,lat'")]
    [InlineData("point/NaN,0", HttpStatusCode.BadRequest, "is not 'lon,lat'")]
    [InlineData("point/0,0", HttpStatusCode.NotFound, "is outside item")]
    public async Task Point_RejectsBadOrOutsideCoordinates(string path, HttpStatusCode status, string detail)
    {
        using var response = await server.Client.GetAsync($"/tiles/{PublishedProduct.Collection}/{Product.ItemId}/{path}");

        await PreRenderedTileTests<ProductServer>.AssertProblemAsync(response, status, detail);
    }

    [Theory]
    [InlineData("", 1024)]
    [InlineData("?max_size=256&layer=ndvi", 256)]
    public async Task Preview_DrawsTheWholeItem_WithinMaxSize(string query, int maxSize)
    {
        using var response = await server.Client.GetAsync($"/tiles/{PublishedProduct.Collection}/{Product.ItemId}/preview.png{query}");

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var file = Path.Combine(Product.WorkDirectory, $"preview-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());
        using var preview = GdalDataset.Open(file);
        Assert.InRange(Math.Max(preview.Width, preview.Height), 256, maxSize);
        Assert.Equal(4, preview.BandCount);
        var alpha = new byte[preview.Width * preview.Height];
        preview.GetBand(4).Read(0, 0, preview.Width, preview.Height, alpha.AsSpan());
        var visible = alpha.Count(a => a > 0);
        Assert.InRange(visible, alpha.Length / 10, alpha.Length - 1); // the scene, and transparency around its tilted footprint
    }

    [Theory]
    [InlineData("?max_size=10", HttpStatusCode.BadRequest, "max_size '10'")]
    [InlineData("?max_size=99999", HttpStatusCode.BadRequest, "max_size '99999'")]
    [InlineData("?layer=..%2F..%2Fetc", HttpStatusCode.BadRequest, "layer '../../etc'")]
    [InlineData("?layer=nope", HttpStatusCode.NotFound, "has no layer 'nope'")]
    [InlineData("?colormap=nope", HttpStatusCode.BadRequest, "colormap 'nope' is unknown")]
    public async Task Preview_RejectsBadParameters(string query, HttpStatusCode status, string detail)
    {
        using var response = await server.Client.GetAsync($"/tiles/{PublishedProduct.Collection}/{Product.ItemId}/preview.png{query}");

        await PreRenderedTileTests<ProductServer>.AssertProblemAsync(response, status, detail);
    }
}
