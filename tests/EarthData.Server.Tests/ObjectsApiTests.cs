using System.Net;
using System.Net.Http.Headers;
using System.Text;
using EarthData.Core.Storage;

namespace EarthData.Server.Tests;

/// <summary><c>/objects/{key}</c> over HTTP: ranges, validators and key checks; run against each object store by the subclasses.</summary>
public abstract class ObjectsApiTests<TServer>(TServer server) : IClassFixture<TServer>, IAsyncLifetime
    where TServer : RunningServer
{
    private const string Key = "cogs/CBERS4-MUX/TEST/B5_cog.tif";
    private static readonly byte[] Content = Encoding.ASCII.GetBytes("0123456789abcdefghij");

    public Task InitializeAsync() => server.Objects.PutAsync(Key, new MemoryStream(Content), new ObjectPutOptions
    {
        ContentType = "image/tiff; application=geotiff; profile=cloud-optimized",
        CacheControl = "public, max-age=3600",
    });

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Get_ServesTheWholeObjectWithItsHeaders()
    {
        using var response = await server.Client.GetAsync("/objects/" + Key);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Content, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/tiff; application=geotiff; profile=cloud-optimized", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("public, max-age=3600", response.Headers.CacheControl?.ToString());
        Assert.Equal(["bytes"], response.Headers.AcceptRanges);
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal(20, response.Content.Headers.ContentLength);
    }

    [Theory]
    [InlineData("bytes=2-5", 2, 5)]
    [InlineData("bytes=15-", 15, 19)]
    [InlineData("bytes=-3", 17, 19)]
    [InlineData("bytes=10-1000", 10, 19)]
    public async Task Get_WithOneRange_Answers206WithContentRange(string range, int first, int last)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/objects/" + Key);
        request.Headers.TryAddWithoutValidation("Range", range);
        using var response = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal($"bytes {first}-{last}/20", response.Content.Headers.ContentRange?.ToString());
        Assert.Equal(Content[first..(last + 1)], await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Get_RangePastTheEnd_Is416WithTheLength()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/objects/" + Key);
        request.Headers.Range = new RangeHeaderValue(20, null);
        using var response = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, response.StatusCode);
        Assert.Equal("bytes */20", response.Content.Headers.ContentRange?.ToString());
    }

    [Fact]
    public async Task Get_SeveralRangesOrStaleIfRange_ServesTheWholeObject()
    {
        using var several = new HttpRequestMessage(HttpMethod.Get, "/objects/" + Key);
        several.Headers.TryAddWithoutValidation("Range", "bytes=0-1,4-5");
        using var severalResponse = await server.Client.SendAsync(several);
        using var stale = new HttpRequestMessage(HttpMethod.Get, "/objects/" + Key);
        stale.Headers.TryAddWithoutValidation("Range", "bytes=0-1");
        stale.Headers.TryAddWithoutValidation("If-Range", "\"not-the-etag\"");
        using var staleResponse = await server.Client.SendAsync(stale);

        Assert.Equal(HttpStatusCode.OK, severalResponse.StatusCode);
        Assert.Equal(Content, await severalResponse.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, staleResponse.StatusCode);
    }

    [Fact]
    public async Task Get_WithMatchingIfNoneMatch_Is304()
    {
        using var first = await server.Client.GetAsync("/objects/" + Key);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/objects/" + Key);
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var response = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal(first.Headers.ETag, response.Headers.ETag);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Head_AnswersHeadersWithoutBody()
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, "/objects/" + Key);
        using var response = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(20, response.Content.Headers.ContentLength);
        Assert.Equal(["bytes"], response.Headers.AcceptRanges);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Get_MissingObject_Is404Problem()
    {
        using var response = await server.Client.GetAsync("/objects/cogs/none.tif");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/objects/cogs//B5.tif")]
    [InlineData("/objects/cogs/a%5Cb.tif")]
    [InlineData("/objects/cogs/%01.tif")]
    public async Task Get_InvalidKey_Is400Problem(string path)
    {
        using var response = await server.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("not a valid object key", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_DotDotSegments_NeverLeaveTheStore()
    {
        // HttpClient and Kestrel remove dot segments before routing; a raw '..' must not reach a file outside the store.
        await File.WriteAllTextAsync(Path.Combine(server.DataDirectory, "secret.txt"), "TOPSECRET-4711");
        foreach (var path in new[] { "/objects/../secret.txt", "/objects/cogs/%2E%2E/%2E%2E/secret.txt", "/objects/..%2Fsecret.txt" })
        {
            using var response = await server.Client.GetAsync(path);
            Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
            Assert.DoesNotContain("TOPSECRET-4711", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }
}

/// <summary>Objects served from the filesystem store (sendfile).</summary>
public sealed class FileSystemObjectsApiTests(RunningServer server) : ObjectsApiTests<RunningServer>(server);

/// <summary>Objects streamed from Azure Blob Storage (Azurite).</summary>
public sealed class AzureObjectsApiTests(AzureRunningServer server) : ObjectsApiTests<AzureRunningServer>(server);
