using EarthData.Server.Alerts;
using EarthData.Server.Composition;
using EarthData.Server.Dashboard;
using EarthData.Server.Endpoints;
using EarthData.Server.Http;
using EarthData.Server.Scenes;
using EarthData.Server.Stac;
using EarthData.Server.Tiles;
using Hangfire;

namespace EarthData.Server;

/// <summary>Builds the EarthData web host: the API, the STAC API, objects, the job dashboard, on the URLs the options name.</summary>
public static class EarthDataServer
{
    /// <summary>
    /// Creates the application; call <c>RunAsync</c> or <c>StartAsync</c> on the result. Starting it migrates the catalogue
    /// and upserts the CBERS collections, registers the discovery schedule and, with workers, runs the pipeline's jobs.
    /// </summary>
    /// <exception cref="ArgumentException">A setting is invalid; the message names every bad setting, separated by "; ".</exception>
    public static WebApplication Build(ServerOptions options, string[]? args = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var builder = WebApplication.CreateSlimBuilder(args ?? []);
        builder.Configuration.AddJsonFile("appsettings.json", optional: true);
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddInMemoryCollection([new(EarthDataSettings.DataDirectoryKey, options.DataDirectory)]);
        options.Configure?.Invoke(builder.Configuration);
        var server = ServerSettings.Load(options, builder.Configuration);
        var settings = EarthDataSettings.Load(builder.Configuration, server.Storage);
        // The CLI options win over configuration; a server answering on whatever address a request used has no fixed URL.
        settings = settings with { PublicUrl = server.PublicUrlFromRequest ? null : server.PublicUrl, PublicObjectsUrl = server.PublicObjectsUrl };
        var keys = ApiKeyAuthority.Load(settings);

        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        options.Logging?.Invoke(builder.Logging);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(server);
        builder.Services.AddSingleton(keys);
        builder.Services.AddEarthDataHttp(builder.Configuration);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<PublicUrls>();
        builder.Services.AddOpenApi();
        builder.Services.AddEarthData(settings, EarthDataRole.Server(options.RunWorkers));
        builder.Services.AddSingleton<StacDocuments>();
        builder.Services.AddEarthDataTiles(server);
        builder.Services.AddEarthDataAlerts(builder.Configuration);
        builder.Services.AddHostedService<IdleMemoryReturn>();

        var app = builder.Build();
        app.UseMiddleware<HeldTileShortcut>(); // first: a hot tile needs nothing of the pipeline below
        app.UseEarthDataHttp();
        app.MapOpenApi();
        app.UseSwaggerUI(ui =>
        {
            ui.SwaggerEndpoint("/openapi/v1.json", "EarthData API");
            ui.RoutePrefix = "openapi/ui";
        });
        ScenesDashboard.Register();
        app.UseHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new DashboardKeyFilter(keys)],
            DashboardTitle = "EarthData jobs",
            DisplayStorageConnectionString = false,
        });
        app.MapHealthApi();
        app.MapScenesApi(settings.ProtectReads);
        app.MapStacApi();
        app.MapObjectsApi();
        app.MapTilesApi();
        app.MapTileDiscoveryApi();
        app.MapTileQueriesApi();
        app.MapViewerApi();
        app.MapSubscriptionsApi();
        app.MapAlertsApi();
        app.MapBaselinesApi();
        return app;
    }
}
