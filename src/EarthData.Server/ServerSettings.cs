using EarthData.Core.Catalog;
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

    /// <summary>Searches count matches exactly up to this many; beyond it <c>numberMatched</c> is omitted.</summary>
    public int CountLimit { get; init; } = ItemSearch.DefaultCountLimit;

    /// <summary>
    /// The longest a search spends counting for <c>numberMatched</c> (default 20 ms); a count that takes longer is cancelled
    /// and <c>numberMatched</c> omitted, so the count never makes a page slow.
    /// </summary>
    public TimeSpan CountTimeout { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>The time budget of one search request (default 2 s): past it the search is cancelled and answered 503.</summary>
    public TimeSpan SearchTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Reads and validates the settings: <paramref name="options"/> first, then the configuration.
    /// </summary>
    /// <exception cref="ArgumentException">A setting is invalid; the message names every bad setting, separated by "; ".</exception>
    public static ServerSettings Load(ServerOptions options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<string>();
        var storage = options.Storage ?? Bind(configuration, problems);
        problems.AddRange(storage.Problems());

        var publicUrl = options.PublicUrl ?? HttpUrl(configuration, PublicUrlKey, problems);
        var publicObjectsUrl = options.PublicObjectsUrl ?? HttpUrl(configuration, PublicObjectsUrlKey, problems);
        var countMatched = true;
        if (configuration[CountMatchedKey] is { Length: > 0 } count && !bool.TryParse(count, out countMatched))
        {
            problems.Add($"{CountMatchedKey}: '{count}' is not true or false");
        }

        var countLimit = Whole(configuration, CountLimitKey, ItemSearch.DefaultCountLimit, 0, int.MaxValue, problems);
        var countTimeout = Whole(configuration, CountTimeoutKey, 20, 1, 600_000, problems);
        var searchTimeout = Whole(configuration, SearchTimeoutKey, 2_000, 1, 600_000, problems);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems));
        }

        var baseUrl = (publicUrl ?? options.FirstUrl).GetLeftPart(UriPartial.Path).TrimEnd('/');
        var objectsBase = publicObjectsUrl?.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/";
        return new ServerSettings(new Uri(baseUrl), storage, options.DataDirectory, countMatched, publicObjectsUrl is null ? null : new Uri(objectsBase),
            PublicUrlFromRequest: publicUrl is null)
        {
            CountLimit = countLimit,
            CountTimeout = TimeSpan.FromMilliseconds(countTimeout),
            SearchTimeout = TimeSpan.FromMilliseconds(searchTimeout),
        };
    }

    /// <summary>An absolute URL under <see cref="PublicUrl"/>; <paramref name="path"/> starts with '/'.</summary>
    public string Url(string path) => PublicUrl.OriginalString + path;

    private static Uri? HttpUrl(IConfiguration configuration, string key, List<string> problems)
    {
        if (configuration[key] is not { Length: > 0 } configured)
        {
            return null;
        }

        if (ServerOptions.IsHttpUrl(configured))
        {
            return new Uri(configured);
        }

        problems.Add($"{key}: '{configured}' is not an absolute http(s) URL");
        return null;
    }

    private static StorageSettings Bind(IConfiguration configuration, List<string> problems)
    {
        var settings = new StorageSettings();
        var objects = configuration.GetSection("EarthData:Objects");
        var catalog = configuration.GetSection("EarthData:Catalog");
        settings.Objects.Provider = Enum<ObjectStoreProvider>(objects, "Provider", problems) ?? settings.Objects.Provider;
        settings.Objects.Directory = objects["Directory"] is { Length: > 0 } directory ? directory : null;
        settings.Objects.ConnectionString = objects["ConnectionString"] is { Length: > 0 } blob ? blob : null;
        settings.Objects.AccountUrl = HttpUrl(configuration, "EarthData:Objects:AccountUrl", problems);

        settings.Objects.Container = objects["Container"] ?? settings.Objects.Container;
        settings.Catalog.Provider = Enum<CatalogStoreProvider>(catalog, "Provider", problems) ?? settings.Catalog.Provider;
        settings.Catalog.ConnectionString = catalog["ConnectionString"] is { Length: > 0 } connection ? connection : null;
        return settings;
    }

    private static int Whole(IConfiguration configuration, string key, int fallback, int min, int max, List<string> problems)
    {
        if (configuration[key] is not { Length: > 0 } text)
        {
            return fallback;
        }

        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        problems.Add($"{key}: '{text}' is not a whole number between {min} and {max}");
        return fallback;
    }

    private static T? Enum<T>(IConfigurationSection section, string key, List<string> problems)
        where T : struct, Enum
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (System.Enum.TryParse<T>(text, ignoreCase: true, out var value) && System.Enum.IsDefined(value) && !char.IsAsciiDigit(text.Trim()[0]))
        {
            return value;
        }

        problems.Add($"{section.Path}:{key}: '{text}' is not one of {string.Join(", ", System.Enum.GetNames<T>())}");
        return null;
    }
}
