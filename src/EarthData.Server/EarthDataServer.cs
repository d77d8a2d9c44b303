using EarthData.Server.Alerts;
using EarthData.Server.Endpoints;
using EarthData.Server.Stac;

namespace EarthData.Server;

/// <summary>Builds the EarthData web host: the API, the STAC API, objects and tiles, on the URLs the options name.</summary>
public static class EarthDataServer
{
    /// <summary>
    /// Creates the application; call <c>RunAsync</c> or <c>StartAsync</c> on the result. Starting it migrates the catalogue
    /// and upserts the CBERS collections.
    /// </summary>
    /// <exception cref="ArgumentException">A setting is invalid; the message names every bad setting, separated by "; ".</exception>
    public static WebApplication Build(ServerOptions options, string[]? args = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var builder = WebApplication.CreateSlimBuilder(args ?? []);
        builder.Configuration.AddJsonFile("appsettings.json", optional: true);
        builder.Configuration.AddEnvironmentVariables();
        options.Configure?.Invoke(builder.Configuration);
        var settings = ServerSettings.Load(options, builder.Configuration);

        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddSingleton(options);
        builder.Services.AddProblemDetails();
        builder.Services.AddEarthDataStorage(settings);
        builder.Services.AddSingleton<StacDocuments>();
        builder.Services.AddEarthDataAlerts(builder.Configuration);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthApi();
        app.MapStacApi();
        app.MapObjectsApi();
        app.MapSubscriptionsApi();
        app.MapAlertsApi();
        return app;
    }
}
