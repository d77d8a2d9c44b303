using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using EarthData.AbuseBench;
using EarthData.Server;
using EarthData.Storage.Configuration;
using Microsoft.Extensions.Configuration;
using Npgsql;

// The bounded abuse benchmark of issue 10: one in-process EarthData server on a loopback port, N synthetic items, then
// (1) each parameter family at its bound, alone: worst CPU time of one request (3 runs) and RSS growth;
// (2) a burst: 8 clients sending those requests for a fixed number of rounds while /health is polled every 25 ms;
// (3) RSS after 10 s idle. Every loop is bounded; the program ends by itself.
var items = Option("--items", 20_000);
var rounds = Option("--rounds", 3);
var store = args.SkipWhile(a => a != "--store").Skip(1).FirstOrDefault() ?? "sqlite";
var data = Directory.CreateTempSubdirectory("earthdata-abuse-").FullName;
var schema = "abuse_" + Guid.NewGuid().ToString("N")[..8];
var postgres = Environment.GetEnvironmentVariable("EARTHDATA_TEST_POSTGRES");
var storage = new StorageSettings();
if (store == "postgres")
{
    await Sql(postgres!, $"CREATE SCHEMA {schema}");
    storage = new StorageSettings { Catalog = new CatalogStoreSettings { Provider = CatalogStoreProvider.Postgres, ConnectionString = new NpgsqlConnectionStringBuilder(postgres) { SearchPath = schema }.ConnectionString } };
}

var port = FreePort();
// The API alone (as `earthdata serve --no-workers` runs it; in-memory job storage): the figures are the requests' cost,
// not the pipeline's background threads, which process CPU time would otherwise count too.
var app = EarthDataServer.Build(new ServerOptions
{
    Urls = $"http://127.0.0.1:{port}", DataDirectory = data, Storage = storage, RunWorkers = false,
    Configure = c => c.AddInMemoryCollection(new Dictionary<string, string?> { ["EarthData:Jobs:Storage"] = "InMemory", ["EarthData:Pipeline:DiscoveryCron"] = "never" }),
});
try
{
    await app.StartAsync();
    var catalog = (EarthData.Core.Catalog.ICatalogStore)app.Services.GetService(typeof(EarthData.Core.Catalog.ICatalogStore))!;
    var load = Stopwatch.StartNew();
    for (var start = 0; start < items; start += 2_000)
    {
        await catalog.UpsertItemsAsync([.. Enumerable.Range(start, Math.Min(2_000, items - start)).Select(Synthetic.Item)]);
    }

    Console.WriteLine($"store {store}, {items:N0} items loaded in {load.Elapsed.TotalSeconds:F1} s; runtime {Environment.Version}, {Environment.ProcessorCount} cores, server GC {System.Runtime.GCSettings.IsServerGC}");
    using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
    var firstPage = JsonNode.Parse(await client.GetStringAsync("/stac/search?limit=100&sortby=" + AbuseRequests.SortBy))!;
    var next = (string)firstPage["links"]!.AsArray().First(l => (string?)l!["rel"] == "next")!["href"]!;
    var token = next[(next.IndexOf("token=", StringComparison.Ordinal) + 6)..];
    var families = AbuseRequests.All(token);

    for (var i = 0; i < 2; i++)
    {
        foreach (var family in families)
        {
            await Send(client, family.Create()); // warm-up: JIT, caches
        }
    }

    var startRss = ProcessStats.RssMiB();
    Console.WriteLine($"RSS at start (after load and warm-up): {startRss:F0} MiB");
    Console.WriteLine();
    Console.WriteLine("| family (at its bound) | status | worst CPU / request | worst wall | response | RSS growth |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|");
    foreach (var family in families)
    {
        double worstCpu = 0, worstWall = 0, growth = 0;
        int status = 0;
        long bytes = 0;
        for (var run = 0; run < 3; run++)
        {
            var rss = ProcessStats.RssMiB();
            var cpu = ProcessStats.Cpu();
            var wall = Stopwatch.StartNew();
            (status, bytes) = await Send(client, family.Create());
            worstWall = Math.Max(worstWall, wall.Elapsed.TotalMilliseconds);
            worstCpu = Math.Max(worstCpu, (ProcessStats.Cpu() - cpu).TotalMilliseconds);
            growth = Math.Max(growth, ProcessStats.RssMiB() - rss);
        }

        Console.WriteLine($"| {family.Name} | {status} | {worstCpu:F0} ms | {worstWall:F0} ms | {bytes / 1024.0:N0} KiB | {growth:+0;-0} MiB |");
    }

    // The burst: 8 clients × rounds × every family, /health polled meanwhile.
    var health = new List<double>();
    var peak = 0.0;
    using var done = new CancellationTokenSource();
    var poller = Task.Run(async () =>
    {
        using var probe = new HttpClient { BaseAddress = client.BaseAddress };
        while (!done.IsCancellationRequested)
        {
            var watch = Stopwatch.StartNew();
            using var response = await probe.GetAsync("/health");
            health.Add(watch.Elapsed.TotalMilliseconds);
            peak = Math.Max(peak, ProcessStats.RssMiB());
            await Task.Delay(25);
        }
    });
    var burst = Stopwatch.StartNew();
    var statuses = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
    await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
    {
        for (var round = 0; round < rounds; round++)
        {
            foreach (var family in families.Skip(worker % families.Count).Concat(families.Take(worker % families.Count)))
            {
                var (status, _) = await Send(client, family.Create());
                statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
            }
        }
    })));
    var burstSeconds = burst.Elapsed.TotalSeconds;
    await done.CancelAsync();
    await poller;
    await Task.Delay(TimeSpan.FromSeconds(10));
    var idleRss = ProcessStats.RssMiB();
    health.Sort();
    Console.WriteLine();
    Console.WriteLine($"burst: 8 clients × {rounds} rounds × {families.Count} families = {statuses.Values.Sum()} requests in {burstSeconds:F1} s; statuses {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"))}");
    Console.WriteLine($"/health during the burst: {health.Count} probes, p50 {Percentile(health, 0.50):F1} ms, p99 {Percentile(health, 0.99):F1} ms, max {health[^1]:F1} ms");
    Console.WriteLine($"RSS: start {startRss:F0} MiB, peak {peak:F0} MiB, 10 s after the burst {idleRss:F0} MiB ({idleRss - startRss:+0;-0} MiB)");
}
finally
{
    await app.StopAsync();
    await app.DisposeAsync();
    Directory.Delete(data, recursive: true);
    if (store == "postgres")
    {
        await Sql(postgres!, $"DROP SCHEMA {schema} CASCADE");
    }
}

static async Task<(int Status, long Bytes)> Send(HttpClient client, HttpRequestMessage request)
{
    using (request)
    {
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            total += read;
        }

        return ((int)response.StatusCode, total);
    }
}

static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static async Task Sql(string connection, string sql)
{
    await using var c = new NpgsqlConnection(connection);
    await c.OpenAsync();
#pragma warning disable CA2100 // schema names generated above
    await using var command = new NpgsqlCommand(sql, c);
#pragma warning restore CA2100
    await command.ExecuteNonQueryAsync();
}

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
