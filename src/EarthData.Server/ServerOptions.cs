using EarthData.Storage.Configuration;

namespace EarthData.Server;

/// <summary>Settings of the web host (DESIGN.md's configuration contract) that come from the command line or the caller.</summary>
public sealed record ServerOptions
{
    /// <summary>Where the server listens; loopback by default.</summary>
    public string Urls { get; init; } = "http://127.0.0.1:5080";

    /// <summary>The data directory of the embedded default (catalogue, object store, staging).</summary>
    public string DataDirectory { get; init; } = Path.GetFullPath("data");

    /// <summary>
    /// Storage settings given in code; null reads sections <c>EarthData:Objects</c> and <c>EarthData:Catalog</c> of the
    /// configuration (appsettings.json, environment <c>EarthData__Catalog__Provider</c> …).
    /// </summary>
    public StorageSettings? Storage { get; init; }

    /// <summary>
    /// The base URL written into STAC links and asset hrefs (the address clients reach, e.g. behind a proxy); null reads
    /// <c>EarthData:PublicUrl</c>, and without it each request's own scheme, host and path base are used.
    /// </summary>
    public Uri? PublicUrl { get; init; }

    /// <summary>
    /// The URL under which object keys resolve without this server (a public blob container, bucket website or CDN),
    /// used for asset hrefs; null reads <c>EarthData:PublicObjectsUrl</c>, and without it assets go through <c>/objects/</c>.
    /// </summary>
    public Uri? PublicObjectsUrl { get; init; }

    /// <summary>Whether this process runs pipeline workers (<c>earthdata serve</c> without <c>--no-workers</c>); default true.</summary>
    public bool RunWorkers { get; init; } = true;

    /// <summary>Extra configuration sources, applied after appsettings.json and the environment (tests, embedding).</summary>
    public Action<IConfigurationBuilder>? Configure { get; init; }

    /// <summary>Extra logging setup, applied after the server's own (e.g. a provider of the embedding host or a test's capture).</summary>
    public Action<ILoggingBuilder>? Logging { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad setting.</summary>
    public void Validate()
    {
        foreach (var url in Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!IsHttpUrl(url))
            {
                throw new ArgumentException($"--urls: '{url}' is not an http(s) URL");
            }
        }

        if (string.IsNullOrWhiteSpace(DataDirectory))
        {
            throw new ArgumentException("--data: a data directory is required");
        }
    }

    /// <summary>The first URL of <see cref="Urls"/>.</summary>
    internal Uri FirstUrl => new(Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0]);

    internal static bool IsHttpUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
