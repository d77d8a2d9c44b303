using EarthData.Server.Composition;
using EarthData.Storage.Configuration;

namespace EarthData.Server;

/// <summary>The validated settings the endpoints use: where the API is reached from outside, and the storage.</summary>
/// <param name="PublicUrl">Base URL of STAC links and asset hrefs, without a trailing '/'.</param>
/// <param name="Storage">Object store and catalogue settings.</param>
/// <param name="DataDirectory">The data directory.</param>
/// <param name="CountMatched">Whether searches count every match for <c>numberMatched</c> (<c>EarthData:Stac:CountMatched</c>).</param>
public sealed record ServerSettings(Uri PublicUrl, StorageSettings Storage, string DataDirectory, bool CountMatched = true)
{
    /// <summary>Configuration key of <see cref="PublicUrl"/>.</summary>
    public const string PublicUrlKey = "EarthData:PublicUrl";

    /// <summary>Configuration key of <see cref="CountMatched"/>.</summary>
    public const string CountMatchedKey = "EarthData:Stac:CountMatched";

    /// <summary>
    /// Reads and validates the settings: <paramref name="options"/> first, then the configuration.
    /// </summary>
    /// <exception cref="ArgumentException">A setting is invalid; the message names every bad setting, separated by "; ".</exception>
    public static ServerSettings Load(ServerOptions options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        var read = new SettingsReader(configuration);
        var storage = options.Storage ?? EarthDataSettings.BindStorage(read);
        read.Problems.AddRange(storage.Problems());
        var publicUrl = options.PublicUrl ?? read.AbsoluteUrl(PublicUrlKey, "http", "https");
        var countMatched = read.Bool(CountMatchedKey) ?? true;
        if (read.Problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", read.Problems));
        }

        var baseUrl = (publicUrl ?? options.FirstUrl).GetLeftPart(UriPartial.Path).TrimEnd('/');
        return new ServerSettings(new Uri(baseUrl), storage, options.DataDirectory, countMatched);
    }

    /// <summary>An absolute URL under <see cref="PublicUrl"/>; <paramref name="path"/> starts with '/'.</summary>
    public string Url(string path) => PublicUrl.OriginalString + path;
}
