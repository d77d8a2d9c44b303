using EarthData.Server.Endpoints;

namespace EarthData.Server;

/// <summary>Builds the EarthData web host: the API, the STAC API and tiles, on the URLs the options name.</summary>
public static class EarthDataServer
{
    /// <summary>Creates the application; call <c>RunAsync</c> or <c>StartAsync</c> on the result.</summary>
    public static WebApplication Build(ServerOptions options, string[]? args = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var builder = WebApplication.CreateSlimBuilder(args ?? []);
        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddSingleton(options);
        builder.Services.AddProblemDetails();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapHealthApi();
        return app;
    }
}
