using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using EarthData.Core.Storage;

namespace EarthData.Server.Tests;

/// <summary>
/// <c>/objects</c> on the filesystem store under attack and after operations (issue 10): never a byte from outside the
/// root, even while a file is raced against a link; metadata and strong ETags that survive <c>cp -r</c>; strong If-Range.
/// </summary>
public sealed class ObjectsHardeningTests(RunningServer server) : IClassFixture<RunningServer>
{
    private const string Secret = "SECRET-OUTSIDE-THE-ROOT";

    [Fact]
    public async Task Get_KeyThroughALink_Is404Problem_NotA500()
    {
        var outside = Directory.CreateTempSubdirectory("earthdata-outside-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(outside, "passwd"), Secret);
            var root = Path.Combine(server.DataDirectory, "objects");
            Directory.CreateDirectory(Path.Combine(root, "linked"));
            File.CreateSymbolicLink(Path.Combine(root, "linked", "passwd"), Path.Combine(outside, "passwd"));
            Directory.CreateSymbolicLink(Path.Combine(root, "linkdir"), outside);

            foreach (var key in new[] { "linked/passwd", "linkdir/passwd" })
            {
                using var response = await server.Client.GetAsync("/objects/" + key);
                var text = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{key}: {(int)response.StatusCode} {text}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
            }
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public async Task Get_WhileTheFileIsSwappedForALink_NeverServesBytesFromOutsideTheRoot()
    {
        var outside = Directory.CreateTempSubdirectory("earthdata-outside-").FullName;
        const string Key = "race/tile.png";
        try
        {
            var secretPath = Path.Combine(outside, "passwd");
            await File.WriteAllTextAsync(secretPath, Secret);
            await server.Objects.PutAsync(Key, new MemoryStream(Encoding.ASCII.GetBytes("GENUINE-CONTENT-OF-THE-OBJECT")), new ObjectPutOptions { ContentType = "image/png" });
            var path = Path.Combine(server.DataDirectory, "objects", "race", "tile.png");
            var genuine = Path.Combine(outside, "genuine");
            File.Copy(path, genuine);
            var link = Path.Combine(server.DataDirectory, "objects", "race", "link.tmp");
            var file = Path.Combine(server.DataDirectory, "objects", "race", "file.tmp");

            using var stop = new CancellationTokenSource();
            var swaps = 0;
            var swapper = Task.Run(() =>
            {
                while (!stop.IsCancellationRequested)
                {
                    // Atomically replace the object with a link to the secret, then with the genuine file again.
                    File.Delete(link);
                    File.CreateSymbolicLink(link, secretPath);
                    File.Move(link, path, overwrite: true);
                    File.Copy(genuine, file, overwrite: true);
                    File.Move(file, path, overwrite: true);
                    swaps++;
                }
            });

            var leaked = 0;
            var served = 0;
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < 3000 && watch.Elapsed < TimeSpan.FromSeconds(20); i++)
            {
                using var response = await server.Client.GetAsync("/objects/" + Key);
                var body = await response.Content.ReadAsStringAsync();
                Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode}: {body}");
                leaked += body.Contains(Secret, StringComparison.Ordinal) ? 1 : 0;
                served += response.StatusCode == HttpStatusCode.OK ? 1 : 0;
            }

            await stop.CancelAsync();
            await swapper;
            Assert.True(swaps > 100, $"only {swaps} swaps: the race was not exercised");
            Assert.True(served > 0, "no request was served the genuine object");
            Assert.Equal(0, leaked);
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public async Task Metadata_SurvivesCpR_OfTheDataDirectory()
    {
        const string Key = "cogs/CBERS4-MUX/COPY/B5_cog.tif";
        await server.Objects.PutAsync(Key, new MemoryStream(Encoding.ASCII.GetBytes("0123456789abcdefghij")), new ObjectPutOptions
        {
            ContentType = "image/tiff; application=geotiff; profile=cloud-optimized",
            CacheControl = "public, max-age=31536000, immutable",
        });
        using var before = await server.Client.GetAsync("/objects/" + Key);
        var copy = Path.Combine(Path.GetTempPath(), "earthdata-copy-" + Guid.NewGuid().ToString("N"));
        try
        {
            await Task.Delay(1100); // a copy made later gets a later modification time
            using (var cp = Process.Start("cp", ["-r", server.DataDirectory, copy]))
            {
                await cp.WaitForExitAsync();
                Assert.Equal(0, cp.ExitCode);
            }

            Assert.NotEqual(
                File.GetLastWriteTimeUtc(Path.Combine(server.DataDirectory, "objects", Key)),
                File.GetLastWriteTimeUtc(Path.Combine(copy, "objects", Key)));

            var url = $"http://127.0.0.1:{RunningServer.FreePort()}";
            await using var app = EarthDataServer.Build(new ServerOptions { Urls = url, DataDirectory = copy });
            await app.StartAsync();
            using var client = new HttpClient { BaseAddress = new Uri(url) };
            foreach (var attempt in new[] { "first", "second" })
            {
                using var after = await client.GetAsync("/objects/" + Key);
                Assert.Equal(HttpStatusCode.OK, after.StatusCode);
                Assert.Equal("image/tiff; application=geotiff; profile=cloud-optimized", after.Content.Headers.ContentType?.ToString());
                Assert.Equal("public, max-age=31536000, immutable", after.Headers.CacheControl?.ToString());
                Assert.False(after.Headers.ETag!.IsWeak, attempt);
                Assert.Equal(before.Headers.ETag, after.Headers.ETag);
            }

            await app.StopAsync();
        }
        finally
        {
            if (Directory.Exists(copy))
            {
                Directory.Delete(copy, recursive: true);
            }
        }
    }

    [Fact]
    public async Task IfRange_WithAWeakTag_ServesTheWholeObject()
    {
        const string Key = "tiles/if-range/1.png";
        await server.Objects.PutAsync(Key, new MemoryStream(Encoding.ASCII.GetBytes("0123456789")), new ObjectPutOptions { ContentType = "image/png" });
        using var first = await server.Client.GetAsync("/objects/" + Key);
        var etag = first.Headers.ETag!.Tag;

        using var strong = new HttpRequestMessage(HttpMethod.Get, "/objects/" + Key);
        strong.Headers.Range = new RangeHeaderValue(2, 4);
        strong.Headers.TryAddWithoutValidation("If-Range", etag);
        using var partial = await server.Client.SendAsync(strong);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);

        using var weak = new HttpRequestMessage(HttpMethod.Get, "/objects/" + Key);
        weak.Headers.Range = new RangeHeaderValue(2, 4);
        weak.Headers.TryAddWithoutValidation("If-Range", "W/" + etag);
        using var whole = await server.Client.SendAsync(weak);
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal("0123456789", await whole.Content.ReadAsStringAsync());
    }
}
