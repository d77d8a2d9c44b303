using Microsoft.AspNetCore.Builder;
using System.Net;
using System.Net.Sockets;

namespace EarthData.Server.Tests;

/// <summary>A real EarthData server on a free loopback port, for HTTP clients (HttpClient, GDAL) to talk to.</summary>
public sealed class RunningServer : IAsyncLifetime
{
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("earthdata-server-").FullName;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        BaseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        _app = EarthDataServer.Build(new ServerOptions { Urls = BaseAddress.ToString().TrimEnd('/'), DataDirectory = DataDirectory });
        await _app.StartAsync();
        Client = new HttpClient { BaseAddress = BaseAddress };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Directory.Delete(DataDirectory, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
