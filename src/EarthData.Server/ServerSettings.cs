using EarthData.Core.Catalog;
using EarthData.Server.Composition;
using EarthData.Storage.Configuration;

namespace EarthData.Server;

/// <summary>The validated settings the endpoints use: where the API is reached from outside, and the storage.</summary>
/// <param name="PublicUrl">Base URL of STAC links and asset hrefs, without a trailing '/' (see <paramref name="PublicUrlFromRequest"/>).</param>
/// <param name="Storage">Object store and catalogue settings.</param>
/// <param name="DataDirectory">The data directory.</param>
/// <param name="CountMatched">Whether searches count every match for <c>numberMatched</c> (<c>EarthData:Stac:CountMatched</c>).</param>
/// <param name="PublicObjectsUrl">
/// Where clients fetch objects directly (a public container, bucket website or CDN; <c>EarthData:PublicObjectsUrl</c>),
/// ending with '/'; null sends them through this server's <c>/objects/</c>.
/// </param>
/// <param name="PublicUrlFromRequest">
/// True when no public URL was configured: links are then built from each request's scheme, host and path base, and
/// <paramref name="PublicUrl"/> (the first of <c>--urls</c>) only serves where there is no request.
/// </param>
public sealed record ServerSettings(
    Uri PublicUrl, StorageSettings Storage, string DataDirectory, bool CountMatched = true, Uri? PublicObjectsUrl = null, bool PublicUrlFromRequest = false)
{
    /// <summary>Configuration key of <see cref="PublicUrl"/> (shared with <c>earthdata publish</c>).</summary>
    public const string PublicUrlKey = "EarthData:PublicUrl";

    /// <summary>Configuration key of <see cref="PublicObjectsUrl"/> (shared with <c>earthdata publish</c>).</summary>
    public const string PublicObjectsUrlKey = "EarthData:PublicObjectsUrl";

    /// <summary>Configuration key of <see cref="CountMatched"/>.</summary>
    public const string CountMatchedKey = "EarthData:Stac:CountMatched";

    /// <summary>Configuration key of <see cref="CountLimit"/>.</summary>
    public const string CountLimitKey = "EarthData:Stac:CountLimit";

    /// <summary>Configuration key of <see cref="CountTimeout"/>, in milliseconds.</summary>
    public const string CountTimeoutKey = "EarthData:Stac:CountTimeoutMs";

    /// <summary>Configuration key of <see cref="SearchTimeout"/>, in milliseconds.</summary>
    public const string SearchTimeoutKey = "EarthData:Stac:SearchTimeoutMs";

    /// <summary>Configuration key of <see cref="TileMemoryMegabytes"/>.</summary>
    public const string TileMemoryKey = "EarthData:Tiles:MemoryCacheMegabytes";

    /// <summary>Searches count matches exactly up to this many; beyond it <c>numberMatched</c> is omitted.</summary>
    public int CountLimit { get; init; } = ItemSearch.DefaultCountLimit;

    /// <summary>
    /// The longest a search spends counting for <c>numberMatched</c> (default 20 ms); a count that takes longer is cancelled
    /// and <c>numberMatched</c> omitted, so the count never makes a page slow.
    /// </summary>
    public TimeSpan CountTimeout { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>The time budget of one search request (default 2 s): past it the search is cancelled and answered 503.</summary>
    public TimeSpan SearchTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How many MiB of pre-rendered tiles are held in memory (default 256; 0 holds none).</summary>
    public int TileMemoryMegabytes { get; init; } = 256;

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
        var publicObjectsUrl = options.PublicObjectsUrl ?? read.AbsoluteUrl(PublicObjectsUrlKey, "http", "https");
        var countMatched = read.Bool(CountMatchedKey) ?? true;
        var countLimit = read.Int(CountLimitKey, 0, int.MaxValue) ?? ItemSearch.DefaultCountLimit;
        var countTimeout = read.Int(CountTimeoutKey, 1, 600_000) ?? 20;
        var searchTimeout = read.Int(SearchTimeoutKey, 1, 600_000) ?? 2_000;
        var tileMemory = read.Int(TileMemoryKey, 0, 1_048_576) ?? 256;
        if (read.Problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", read.Problems));
        }

        var baseUrl = (publicUrl ?? options.FirstUrl).GetLeftPart(UriPartial.Path).TrimEnd('/');
        var objectsBase = publicObjectsUrl?.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/";
        return new ServerSettings(new Uri(baseUrl), storage, options.DataDirectory, countMatched, publicObjectsUrl is null ? null : new Uri(objectsBase),
            PublicUrlFromRequest: publicUrl is null)
        {
            CountLimit = countLimit,
            CountTimeout = TimeSpan.FromMilliseconds(countTimeout),
            SearchTimeout = TimeSpan.FromMilliseconds(searchTimeout),
            TileMemoryMegabytes = tileMemory,
        };
    }
}
