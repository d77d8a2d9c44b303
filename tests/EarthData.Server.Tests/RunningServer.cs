using System.Collections.Concurrent;
using EarthData.Core.Catalog;
using EarthData.Core.Storage;
using EarthData.Storage.Configuration;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using System.Net;
using System.Net.Sockets;

namespace EarthData.Server.Tests;

/// <summary>
/// A real EarthData server on a free loopback port, for HTTP clients (HttpClient, GDAL) to talk to. The catalogue is a
/// SQLite file in the data directory; <see cref="PostgresRunningServer"/> uses PostgreSQL. It records the status code
/// of every request so tests can see how clients talked to it (e.g. GDAL's range requests).
/// </summary>
public class RunningServer : IAsyncLifetime
{
    private WebApplication? _app;
    private StorageSettings _storage = new();

    public Uri BaseAddress { get; private set; } = null!;

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("earthdata-server-").FullName;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>Method, path and query, and status of every request answered, in order.</summary>
    public ConcurrentQueue<(string Method, string Target, int Status, string? Range)> Requests { get; } = new();

    public ICatalogStore Catalog => Service<ICatalogStore>();

    /// <summary>The last log lines of the server (across restarts).</summary>
    public CapturedLog Log { get; } = new();

    /// <summary>A service of the running server.</summary>
    public T Service<T>()
        where T : notnull => _app!.Services.GetRequiredService<T>();

    /// <summary>The server's object store; kept after the server stops, so subclasses can clean it up.</summary>
    public IObjectStore Objects { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        _storage = await CreateStorageAsync();
        await StartAsync();
    }

    /// <summary>Stops the server and starts a new one on the same data directory and storage (a restart).</summary>
    public async Task RestartAsync()
    {
        Client.Dispose();
        await _app!.StopAsync();
        await _app.DisposeAsync();
        await StartAsync();
    }

    private async Task StartAsync()
    {
        BaseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        _app = EarthDataServer.Build(new ServerOptions
        {
            Urls = BaseAddress.ToString().TrimEnd('/'),
            DataDirectory = DataDirectory,
            Storage = _storage,
            RunWorkers = RunWorkers,
            Configure = configuration => configuration.AddInMemoryCollection(Settings),
            Logging = logging => logging.AddProvider(Log),
        });
        _app.Use(async (context, next) =>
        {
            await next();
            Requests.Enqueue((context.Request.Method, context.Request.Path + context.Request.QueryString, context.Response.StatusCode, context.Request.Headers.Range.ToString()));
        });
        await _app.StartAsync();
        Objects = _app.Services.GetRequiredService<IObjectStore>();
        Client = new HttpClient { BaseAddress = BaseAddress };
    }

    /// <summary>
    /// For a test that gave up waiting: the scenes, the job storage's counts, its processing and failed jobs, and the
    /// server's last log lines.
    /// </summary>
    public async Task<string> DiagnosticsAsync()
    {
        var monitoring = Service<JobStorage>().GetMonitoringApi();
        var statistics = monitoring.GetStatistics();
        static string Name(Hangfire.Common.Job? job) => $"{job?.Type.Name}({string.Join(",", job?.Args.Where(a => a is not CancellationToken) ?? [])})";
        var processing = monitoring.ProcessingJobs(0, 10).Select(j => $"{Name(j.Value.Job)} since {j.Value.StartedAt:O}");
        var failed = monitoring.FailedJobs(0, 10).Select(j => $"{Name(j.Value.Job)}: {j.Value.ExceptionType}: {j.Value.ExceptionMessage}");
        var scenes = await Client.GetStringAsync("/api/scenes?limit=100");
        return $"jobs enqueued {statistics.Enqueued} scheduled {statistics.Scheduled} processing {statistics.Processing} failed {statistics.Failed}, " +
            $"processing [{string.Join("; ", processing)}], failed [{string.Join("; ", failed)}], scenes {scenes}; log:{Environment.NewLine}" +
            string.Join(Environment.NewLine, Log.Lines.TakeLast(60));
    }

    public virtual async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        await DropStorageAsync();
        Directory.Delete(DataDirectory, recursive: true);
    }

    /// <summary>Whether the server runs pipeline workers; default false (the STAC tests need none).</summary>
    protected virtual bool RunWorkers => false;

    /// <summary>
    /// Configuration the server starts with: in-memory jobs and no discovery schedule, so test servers on the shared
    /// PostgreSQL never share a Hangfire schema. The search's and the count's time budgets are generous here: tests
    /// assert what a search finds and its <c>numberMatched</c>, and a 2-core machine running the whole suite can take
    /// longer than the defaults (2 s for a search, 20 ms for its count) for any query, the first on a new connection most.
    /// The budgets themselves are tested with their own small values.
    /// </summary>
    protected virtual Dictionary<string, string?> Settings => new()
    {
        ["EarthData:Jobs:Storage"] = "InMemory",
        ["EarthData:Pipeline:DiscoveryCron"] = "never",
        [ServerSettings.SearchTimeoutKey] = "30000",
        [ServerSettings.CountTimeoutKey] = "10000",
    };

    /// <summary>The storage the server runs on; the default is the embedded one (SQLite, filesystem) under the data directory.</summary>
    protected virtual Task<StorageSettings> CreateStorageAsync() => Task.FromResult(new StorageSettings());

    /// <summary>Removes what <see cref="CreateStorageAsync"/> created outside the data directory.</summary>
    protected virtual Task DropStorageAsync() => Task.CompletedTask;

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
