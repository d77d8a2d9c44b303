using System.Collections.Concurrent;
using EarthData.Core.Catalog;
using EarthData.Core.Storage;
using EarthData.Storage.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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
    /// PostgreSQL never share a Hangfire schema. The count's time budget is generous here: tests assert
    /// <c>numberMatched</c>, and a 2-core machine under load can take longer than the default 20 ms for any query.
    /// </summary>
    protected virtual Dictionary<string, string?> Settings => new()
    {
        ["EarthData:Jobs:Storage"] = "InMemory",
        ["EarthData:Pipeline:DiscoveryCron"] = "never",
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
