using System.CommandLine;
using EarthData.Server;
using EarthData.Server.Composition;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EarthData.Cli.Commands;

/// <summary><c>earthdata serve</c>: the web host (API, STAC API, objects, tiles) on loopback unless told otherwise.</summary>
internal static class ServeCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen (';'-separated)", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var data = new Option<string?>("--data") { Description = "Data directory (default: $EARTHDATA_DATA or ./data)" };
        var publicUrl = new Option<string?>("--public-url") { Description = "Base URL written into STAC links and asset hrefs (default: EarthData__PublicUrl, else the address each request used)" };
        var publicObjectsUrl = new Option<string?>("--public-objects-url")
        {
            Description = "URL under which object keys resolve without the server (public container, CDN) for asset hrefs (default: EarthData__PublicObjectsUrl, else {public-url}/objects)",
        };
        var noWorkers = new Option<bool>("--no-workers") { Description = "Serve the API only; jobs run in 'earthdata worker' processes (needs the PostgreSQL job storage)" };
        var serve = new Command("serve", "Run the EarthData server (API, STAC API, objects, job dashboard) with pipeline workers") { urls, data, publicUrl, publicObjectsUrl, noWorkers };
        serve.SetAction((parse, ct) => CommandRunner.RunAsync(async token =>
        {
            SocketTuning.Apply();
            var options = new ServerOptions
            {
                Urls = parse.GetValue(urls)!,
                DataDirectory = DataDirectory.Resolve(parse.GetValue(data)),
                PublicUrl = parse.GetValue(publicUrl) is { } url ? ParseHttpUrl("--public-url", url) : null,
                PublicObjectsUrl = parse.GetValue(publicObjectsUrl) is { } objectsUrl ? ParseHttpUrl("--public-objects-url", objectsUrl) : null,
                RunWorkers = !parse.GetValue(noWorkers),
            };
            var app = EarthDataServer.Build(options);
            if (options.RunWorkers)
            {
                NativeMemoryLimits.Apply(NativeMemoryLimits.ProcessingCacheBytes);
            }

            await using var disposeApp = app.ConfigureAwait(false);
            await app.StartAsync(token).ConfigureAwait(false);
            var root = options.Urls.Split(';')[0].TrimEnd('/');
            var settings = app.Services.GetRequiredService<EarthDataSettings>();
            var keys = app.Services.GetRequiredService<ApiKeyAuthority>();
            await stdout.WriteLineAsync($"EarthData listening on {options.Urls} (data: {options.DataDirectory}); STAC API at {root}/stac").ConfigureAwait(false);
            await stdout.WriteLineAsync($"  scenes API {root}/api/scenes, OpenAPI {root}/openapi/v1.json (browse {root}/openapi/ui), jobs {root}/hangfire").ConfigureAwait(false);
            await stdout.WriteLineAsync($"  API key: {keys.KeyFile ?? "EARTHDATA_API_KEY"}; drop folder {settings.DropFolder} (discovery: {settings.DiscoveryCron}); " +
                $"workers: {(options.RunWorkers ? settings.Workers.ToString(System.Globalization.CultureInfo.InvariantCulture) : "none")} ({settings.JobStorage} job storage)").ConfigureAwait(false);
            await app.WaitForShutdownAsync(token).ConfigureAwait(false);
            return 0;
        }, stderr, ct));
        return serve;
    }

    private static Uri ParseHttpUrl(string option, string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new ArgumentException($"{option}: '{url}' is not an absolute http(s) URL");
}
