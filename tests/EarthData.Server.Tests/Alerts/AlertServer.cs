using EarthData.Core.Alerts;
using EarthData.Storage.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EarthData.Server.Tests.Alerts;

/// <summary>A real server on a loopback port with an API key configured and a fast SSE poll, for the alert endpoints.</summary>
public sealed class AlertServer : IAsyncLifetime
{
    public const string ApiKey = "test-key-0123456789";
    private WebApplication? _app;

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("earthdata-alerts-server-").FullName;

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public IAlertStore Alerts => _app!.Services.GetRequiredService<IAlertStore>();

    public async Task InitializeAsync()
    {
        BaseAddress = new Uri($"http://127.0.0.1:{RunningServer.FreePort()}");
        _app = EarthDataServer.Build(new ServerOptions
        {
            Urls = BaseAddress.ToString().TrimEnd('/'),
            DataDirectory = DataDirectory,
            Storage = new StorageSettings(),
            Configure = c => c.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["EarthData:ApiKey"] = ApiKey,
                ["EarthData:Alerts:StreamPollMilliseconds"] = "100",
                ["EarthData:Alerts:Sender"] = "earthdata@test.example",
            }),
        });
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
}
