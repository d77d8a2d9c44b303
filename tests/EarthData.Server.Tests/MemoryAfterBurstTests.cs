using System.Globalization;
using System.Net;
using EarthData.Core.Geometry;
using EarthData.Core.Stac;

namespace EarthData.Server.Tests;

/// <summary>Runs alone (no other test allocates meanwhile), so this process's RSS is the server's.</summary>
[CollectionDefinition(nameof(RunsAlone), DisableParallelization = true)]
public sealed class RunsAlone;

/// <summary>
/// Memory is bounded and given back (issue 10): a burst of the largest pages (8 clients × <c>limit=10000</c>, 10 MiB each)
/// leaves the resident set within 100 MiB of where it started once the burst is over.
/// </summary>
[Collection(nameof(RunsAlone))]
public sealed class MemoryAfterBurstTests : IAsyncLifetime
{
    private const int Items = 10_000;
    private readonly RunningServer _server = new();

    public async Task InitializeAsync()
    {
        await _server.InitializeAsync();
        for (var start = 0; start < Items; start += 2_000)
        {
            await _server.Catalog.UpsertItemsAsync([.. Enumerable.Range(start, 2_000).Select(Item)]);
        }
    }

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task BurstOfLargestPages_LeavesRssWithin100MiBOfItsStart()
    {
        using var client = new HttpClient { BaseAddress = _server.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        Assert.Equal(HttpStatusCode.OK, await Drain(client)); // warm-up: JIT, pools
        var start = RssMiB();
        var peak = start;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            for (var round = 0; round < 2; round++)
            {
                Assert.Equal(HttpStatusCode.OK, await Drain(client));
                peak = Math.Max(peak, RssMiB());
            }
        })));

        // The server is idle now: it returns memory after 15 s of idleness (IdleMemoryReturn); give it up to 40 s.
        var after = RssMiB();
        for (var wait = 0; wait < 40 && after > start + 100; wait++)
        {
            await Task.Delay(1000);
            after = RssMiB();
        }

        Assert.True(after <= start + 100, $"RSS {start:F0} MiB before the burst, peak {peak:F0} MiB, {after:F0} MiB after it");
    }

    private static async Task<HttpStatusCode> Drain(HttpClient client)
    {
        using var response = await client.GetAsync("/stac/search?limit=10000", HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        await body.CopyToAsync(Stream.Null);
        return response.StatusCode;
    }

    private static double RssMiB()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
    }

    private static StacItem Item(int k)
    {
        var box = new BoundingBox(-75 + (k % 45), 4 - (k / 45 % 40), -74 + (k % 45), 5 - (k / 45 % 40));
        return new StacItem
        {
            Id = string.Create(CultureInfo.InvariantCulture, $"CBERS_4_MUX_MEMORY_{k:D6}"),
            Collection = TestCatalog.Collection,
            Geometry = GeoJsonGeometry.FromBoundingBox(box),
            Bbox = box.ToArray(),
            Properties = new()
            {
                ["datetime"] = StacJson.Element(StacItem.FormatInstant(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(k))),
                ["view:sun_elevation"] = StacJson.Element(30.0 + (k % 40)),
                ["cbers:path"] = StacJson.Element(100 + (k % 45)),
            },
            Assets = new() { ["B5_cog"] = new StacAsset { Href = $"cogs/CBERS4-MUX/{k}/B5_cog.tif", Type = StacAsset.CogMediaType, Roles = ["data"] } },
        };
    }
}
