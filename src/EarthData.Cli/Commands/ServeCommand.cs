using System.CommandLine;
using EarthData.Server;
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
        var serve = new Command("serve", "Run the EarthData server") { urls, data, publicUrl, publicObjectsUrl };
        serve.SetAction((parse, ct) => CommandRunner.RunAsync(async token =>
        {
            var options = new ServerOptions
            {
                Urls = parse.GetValue(urls)!,
                DataDirectory = DataDirectory.Resolve(parse.GetValue(data)),
                PublicUrl = parse.GetValue(publicUrl) is { } url ? ParseHttpUrl("--public-url", url) : null,
                PublicObjectsUrl = parse.GetValue(publicObjectsUrl) is { } objectsUrl ? ParseHttpUrl("--public-objects-url", objectsUrl) : null,
            };
            var app = EarthDataServer.Build(options);
            await using var disposeApp = app.ConfigureAwait(false);
            await app.StartAsync(token).ConfigureAwait(false);
            await stdout.WriteLineAsync($"EarthData listening on {options.Urls} (data: {options.DataDirectory}); STAC API at {options.Urls.Split(';')[0].TrimEnd('/')}/stac").ConfigureAwait(false);
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
