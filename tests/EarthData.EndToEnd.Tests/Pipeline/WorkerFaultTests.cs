using System.Globalization;
using EarthData.Core.Catalog;
using EarthData.Samples;
using EarthData.Storage.Catalog;
using EarthData.Testing;
using Npgsql;
using Xunit.Abstractions;

namespace EarthData.EndToEnd.Tests.Pipeline;

/// <summary>
/// Faults with real processes: <c>earthdata worker</c> processes on the real PostgreSQL of tests/run.sh (catalogue and
/// Hangfire in schemas of their own), one killed with SIGKILL mid-scene; and the embedded <c>earthdata serve</c> killed
/// and restarted. Small generated scenes, short leases and invisibility timeouts keep them to about a minute each.
/// </summary>
[Collection("pipeline processes")]
public sealed partial class WorkerFaultTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("earthdata-faults-").FullName;
    private readonly string _schema = "faults_" + Guid.NewGuid().ToString("N")[..12];

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
        using var connection = new NpgsqlConnection(TestServers.Postgres);
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{_schema}\" CASCADE; DROP SCHEMA IF EXISTS \"{_schema}_jobs\" CASCADE", connection);
        drop.ExecuteNonQuery();
    }

    [Fact]
    public async Task TwoWorkers_OneKilledMidScene_EverySceneIsPublishedExactlyOnce()
    {
        await ExecuteAsync($"CREATE SCHEMA \"{_schema}\"");
        var catalogConnection = new NpgsqlConnectionStringBuilder(TestServers.Postgres) { SearchPath = _schema }.ConnectionString;
        var drop = Path.Combine(_root, "drop");
        var ids = Enumerable.Range(0, 4).Select(i => Generate(drop, seed: 40 + i, row: 120 + i)).ToList();
        var environment = Environment(drop, new()
        {
            ["EarthData__Catalog__Provider"] = "Postgres",
            ["EarthData__Catalog__ConnectionString"] = catalogConnection,
            ["EarthData__Jobs__Storage"] = "PostgreSql",
            ["EarthData__Jobs__ConnectionString"] = TestServers.Postgres,
            ["EarthData__Jobs__Schema"] = _schema + "_jobs",
            ["EarthData__Jobs__InvisibilityTimeout"] = "00:00:12",
            ["EarthData__Jobs__PollInterval"] = "00:00:01",
        });
        using var catalog = new PostgresCatalogStore(catalogConnection);
        await catalog.MigrateAsync();

        using var a = EarthDataProcess.Start(environment, "worker", "--workers", "1", "--data", Path.Combine(_root, "a"));
        using var b = EarthDataProcess.Start(environment, "worker", "--workers", "1", "--data", Path.Combine(_root, "b"));
        // Watch from the start: the first scene may be taken while the others are still being queued.
        var kill = KillWhenItHoldsALeaseAsync(catalog, ids, a);
        foreach (var id in ids)
        {
            var (code, text) = await EarthDataProcess.RunAsync(environment, "ingest", id, "--data", Path.Combine(_root, "c"));
            Assert.True(code == 0, text);
        }

        var killedAt = await kill;
        var records = await WaitForAllAsync(catalog, ids, TimeSpan.FromMinutes(3));
        output.WriteLine($"killed worker {a.Id} holding {killedAt}\n--- a\n{a.Output}\n--- b\n{b.Output}");

        Assert.All(records, r => Assert.Equal(SceneState.Published, r.State));
        foreach (var id in ids)
        {
            var items = await catalog.SearchAsync(new ItemSearch { Ids = [id], Limit = 10 });
            Assert.Single(items.Items);
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(_root, "objects", "tiles", "CBERS4-MUX", id, "true-color"), "*.png", SearchOption.AllDirectories));
            Assert.False(Directory.Exists(Path.Combine(_root, "objects", "work", id)), "hand-off objects are cleaned");
        }
    }

    [Fact]
    public async Task EmbeddedServer_KilledMidSceneAndRestarted_ResumesAndPublishes()
    {
        var drop = Path.Combine(_root, "drop");
        var ids = Enumerable.Range(0, 2).Select(i => Generate(drop, seed: 60 + i, row: 130 + i)).ToList();
        var data = Path.Combine(_root, "data");
        var environment = Environment(drop, new() { ["EARTHDATA_API_KEY"] = "fault-test-key-0123456789" });
        var url = $"http://127.0.0.1:{FreePort()}";
        var catalog = new SqliteCatalogStore(Path.Combine(data, "catalog.db"));

        using (var first = EarthDataProcess.Start(environment, "serve", "--urls", url, "--data", data))
        {
            using var http = new HttpClient { BaseAddress = new Uri(url) };
            await WaitForHealthAsync(http);
            foreach (var id in ids)
            {
                await QueueOverApiAsync(http, "fault-test-key-0123456789", id);
            }

            await KillWhenItHoldsALeaseAsync(catalog, ids, first);
        }

        var unfinished = (await catalog.ListSceneRecordsAsync(new SceneRecordQuery())).Records.Count(r => r.State != SceneState.Published);
        using var second = EarthDataProcess.Start(environment, "serve", "--urls", url, "--data", data);
        var records = await WaitForAllAsync(catalog, ids, TimeSpan.FromMinutes(3));
        output.WriteLine(second.Output);

        output.WriteLine(string.Join("\n", records.Select(r => $"{r.SceneId} {r.State} {r.Stage} {r.Attempts} {r.Reason}")));
        Assert.True(unfinished > 0, "the kill left a scene unfinished");
        Assert.All(records, r => Assert.Equal(SceneState.Published, r.State));
        foreach (var id in ids)
        {
            Assert.Single((await catalog.SearchAsync(new ItemSearch { Ids = [id], Limit = 10 })).Items);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private Dictionary<string, string> Environment(string drop, Dictionary<string, string> extra)
    {
        var environment = new Dictionary<string, string>
        {
            ["EarthData__Objects__Directory"] = Path.Combine(_root, "objects"),
            ["EarthData__Sources__DropFolder"] = drop,
            ["EarthData__Pipeline__DiscoveryCron"] = "never",
            ["EarthData__Pipeline__LeaseDuration"] = "00:00:05",
            ["EarthData__Pipeline__RetryDelay"] = "00:00:01",
            ["EarthData__Pipeline__Layers"] = "true-color",
            ["EarthData__Pipeline__Threads"] = "1",
            ["EarthData__PublicUrl"] = "http://example.org",
        };
        foreach (var (key, value) in extra)
        {
            environment[key] = value;
        }

        return environment;
    }

    private static string Generate(string drop, int seed, int row, double scale = 0.04) => SyntheticSceneGenerator.Generate(new SyntheticSceneOptions
    {
        OutputRoot = drop, Collection = "CBERS4-MUX", Scale = scale, Seed = seed, Row = row,
    }).Scenes[0].Id.ToString();

    /// <summary>Waits until <paramref name="victim"/> holds a stage lease of one of the scenes, then kills it with SIGKILL.</summary>
    private static async Task<string> KillWhenItHoldsALeaseAsync(ISceneRecordStore catalog, IReadOnlyList<string> ids, EarthDataProcess victim)
    {
        var marker = string.Create(CultureInfo.InvariantCulture, $":{victim.Id}:");
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            foreach (var id in ids)
            {
                foreach (var stage in new[] { SceneStage.Process, SceneStage.Tile, SceneStage.Ingest, SceneStage.Publish })
                {
                    if (await catalog.GetSceneLeaseAsync(id, stage) is { } lease && lease.Owner.Contains(marker, StringComparison.Ordinal))
                    {
                        victim.Kill();
                        return $"{id} {stage}";
                    }
                }
            }

            Assert.False(victim.HasExited, victim.Output);
            await Task.Delay(50);
        }

        throw new TimeoutException("the worker never took a scene\n" + victim.Output);
    }

    private static async Task<List<SceneRecord>> WaitForAllAsync(ISceneRecordStore catalog, IReadOnlyList<string> ids, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var records = new List<SceneRecord>();
            foreach (var id in ids)
            {
                records.Add((await catalog.GetSceneRecordAsync(id))!);
            }

            if (records.All(r => r is { State: SceneState.Published or SceneState.Failed or SceneState.Rejected }) || DateTime.UtcNow > deadline)
            {
                return records;
            }

            await Task.Delay(250);
        }
    }

    private static async Task WaitForHealthAsync(HttpClient http)
    {
        for (var i = 0; i < 300; i++)
        {
            try
            {
                using var response = await http.GetAsync("/health");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("the server did not start");
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(TestServers.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
