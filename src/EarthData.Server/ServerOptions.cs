namespace EarthData.Server;

/// <summary>Settings of the web host (DESIGN.md's configuration contract).</summary>
public sealed record ServerOptions
{
    /// <summary>Where the server listens; loopback by default.</summary>
    public string Urls { get; init; } = "http://127.0.0.1:5080";

    /// <summary>The data directory of the embedded default (catalogue, object store, staging).</summary>
    public string DataDirectory { get; init; } = Path.GetFullPath("data");

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad setting.</summary>
    public void Validate()
    {
        foreach (var url in Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new ArgumentException($"--urls: '{url}' is not an http(s) URL");
            }
        }

        if (string.IsNullOrWhiteSpace(DataDirectory))
        {
            throw new ArgumentException("--data: a data directory is required");
        }
    }
}
