using EarthData.Imaging.Layers;
using EarthData.Jobs.State;
using EarthData.Jobs.Pipeline;
using EarthData.Storage.Configuration;

namespace EarthData.Server.Composition;

/// <summary>
/// Every EarthData setting, read from configuration (<c>appsettings.json</c>, then <c>EarthData__Section__Key</c>
/// environment variables) and validated once, with one message per bad setting. The README's configuration table
/// lists them.
/// </summary>
public sealed record EarthDataSettings
{
    /// <summary>Configuration key of the data directory (the CLI sets it from <c>--data</c> / <c>EARTHDATA_DATA</c>).</summary>
    public const string DataDirectoryKey = "EarthData:DataDirectory";

    /// <summary>The data directory: catalogue, objects, staging, drop folder, API key file.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Object store and catalogue.</summary>
    public required StorageSettings Storage { get; init; }

    /// <summary>Public base URL of the server (<c>EarthData:PublicUrl</c>); null when links follow each request.</summary>
    public Uri? PublicUrl { get; init; }

    /// <summary>Where object keys resolve without the server (<c>EarthData:PublicObjectsUrl</c>: public container, CDN); null = through <c>/objects/</c>.</summary>
    public Uri? PublicObjectsUrl { get; init; }

    /// <summary>Leases and retries (<c>EarthData:Pipeline:*</c>).</summary>
    public required SceneStateOptions State { get; init; }

    /// <summary>Layers, zooms and threads of the process and tile stages.</summary>
    public required SceneProcessingOptions Processing { get; init; }

    /// <summary>Most uploads in flight per stage (<c>EarthData:Pipeline:UploadParallelism</c>, default 8).</summary>
    public int UploadParallelism { get; init; } = 8;

    /// <summary>Cron of the discovery job (<c>EarthData:Pipeline:DiscoveryCron</c>, default every 10 minutes).</summary>
    public string DiscoveryCron { get; init; } = "*/10 * * * *";

    /// <summary>The drop folder, an archive-layout folder source (<c>EarthData:Sources:DropFolder</c>, default <c>{data}/drop</c>).</summary>
    public required string DropFolder { get; init; }

    /// <summary>More archive-layout folders (<c>EarthData:Sources:Folders</c>, ';'-separated).</summary>
    public IReadOnlyList<string> Folders { get; init; } = [];

    /// <summary>The Azure Blob container source (<c>EarthData:Sources:Blob:*</c>); null when not configured.</summary>
    public BlobSourceSettings? BlobSource { get; init; }

    /// <summary>The STAC API source (<c>EarthData:Sources:Stac:*</c>); null when not configured.</summary>
    public StacSourceSettings? StacSource { get; init; }

    /// <summary>Hangfire's storage (<c>EarthData:Jobs:Storage</c>; default InMemory with a SQLite catalogue, PostgreSql with PostgreSQL).</summary>
    public JobStorageProvider JobStorage { get; init; }

    /// <summary>Hangfire's PostgreSQL connection string (<c>EarthData:Jobs:ConnectionString</c>; default the catalogue's).</summary>
    public string? JobConnectionString { get; init; }

    /// <summary>Hangfire's PostgreSQL schema (<c>EarthData:Jobs:Schema</c>, default <c>hangfire</c>).</summary>
    public string JobSchema { get; init; } = "hangfire";

    /// <summary>
    /// How long a job fetched by a worker that stopped heart-beating stays invisible before another worker takes it
    /// (<c>EarthData:Jobs:InvisibilityTimeout</c>, default 5 min; sliding, so long jobs of live workers are never taken).
    /// </summary>
    public TimeSpan InvisibilityTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Hangfire workers per process (<c>EarthData:Jobs:Workers</c>, default 2).</summary>
    public int Workers { get; init; } = 2;

    /// <summary>How often Hangfire polls PostgreSQL for jobs (<c>EarthData:Jobs:PollInterval</c>, default 5 s).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The admin API key given by <c>EARTHDATA_API_KEY</c>; null = use (or create) <c>{data}/api-key</c>.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Whether reads of <c>/api</c> need the key too (<c>EarthData:Api:ProtectReads</c>, default false).</summary>
    public bool ProtectReads { get; init; }

    /// <summary>Reads and validates the settings.</summary>
    /// <param name="configuration">The configuration.</param>
    /// <param name="storage">Storage given in code (tests); null binds <c>EarthData:Objects</c> and <c>EarthData:Catalog</c>.</param>
    /// <exception cref="ArgumentException">Settings are invalid; the message names every bad one, separated by "; ".</exception>
    public static EarthDataSettings Load(IConfiguration configuration, StorageSettings? storage = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var read = new SettingsReader(configuration);
        var data = Path.GetFullPath(read.Text(DataDirectoryKey) ?? Environment.GetEnvironmentVariable("EARTHDATA_DATA") ?? "data");
        storage ??= BindStorage(read);
        read.Problems.AddRange(storage.Problems());

        var state = new SceneStateOptions();
        state = state with
        {
            LeaseDuration = read.Duration("EarthData:Pipeline:LeaseDuration") ?? state.LeaseDuration,
            MaxAttempts = read.Int("EarthData:Pipeline:MaxAttempts", 1, 100) ?? state.MaxAttempts,
            RetryDelay = read.Duration("EarthData:Pipeline:RetryDelay") ?? state.RetryDelay,
            MaxRetryDelay = read.Duration("EarthData:Pipeline:MaxRetryDelay") ?? state.MaxRetryDelay,
        };
        read.Problems.AddRange(state.Problems());

        var processing = new SceneProcessingOptions
        {
            Layers = Layers(read),
            MinZoom = read.Int("EarthData:Pipeline:MinZoom", 0, 24),
            MaxZoom = read.Int("EarthData:Pipeline:MaxZoom", 0, 24),
            Threads = read.Int("EarthData:Pipeline:Threads", 1, 256) ?? Environment.ProcessorCount,
            PublishOriginals = read.Bool("EarthData:Pipeline:PublishOriginals") ?? false,
            IndexAssets = IndexAssetsSetting.Read(configuration, read.Problems),
        };
        if (processing.MinZoom > processing.MaxZoom)
        {
            read.Problems.Add("EarthData:Pipeline:MinZoom must not be above EarthData:Pipeline:MaxZoom");
        }

        var cron = read.Text("EarthData:Pipeline:DiscoveryCron") ?? "*/10 * * * *";
        if (!IsCron(cron))
        {
            read.Problems.Add($"EarthData:Pipeline:DiscoveryCron: '{cron}' is not a cron expression (5 or 6 fields, e.g. '*/10 * * * *'), or 'never'");
        }

        var jobStorage = read.Enum<JobStorageProvider>("EarthData:Jobs:Storage")
            ?? (storage.Catalog.Provider == CatalogStoreProvider.Postgres ? JobStorageProvider.PostgreSql : JobStorageProvider.InMemory);
        var jobConnection = read.Text("EarthData:Jobs:ConnectionString")
            ?? (storage.Catalog.Provider == CatalogStoreProvider.Postgres ? storage.Catalog.ConnectionString : null);
        if (jobStorage == JobStorageProvider.PostgreSql && jobConnection is null && storage.Catalog.Provider != CatalogStoreProvider.Postgres)
        {
            read.Problems.Add("EarthData:Jobs:ConnectionString is required when EarthData:Jobs:Storage is PostgreSql and the catalogue is not PostgreSQL");
        }

        var settings = new EarthDataSettings
        {
            DataDirectory = data,
            Storage = storage,
            PublicUrl = read.AbsoluteUrl(PublishOptions.PublicUrlKey, "http", "https"),
            PublicObjectsUrl = read.AbsoluteUrl(PublishOptions.PublicObjectsUrlKey, "http", "https"),
            State = state,
            Processing = processing,
            UploadParallelism = read.Int("EarthData:Pipeline:UploadParallelism", 1, 256) ?? 8,
            DiscoveryCron = cron,
            DropFolder = Path.GetFullPath(read.Text("EarthData:Sources:DropFolder") ?? Path.Combine(data, "drop")),
            Folders = [.. (read.Text("EarthData:Sources:Folders") ?? string.Empty)
                .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Path.GetFullPath)],
            BlobSource = BlobSourceSettings.Bind(read),
            StacSource = StacSourceSettings.Bind(read),
            JobStorage = jobStorage,
            JobConnectionString = jobConnection,
            JobSchema = read.Text("EarthData:Jobs:Schema") ?? "hangfire",
            InvisibilityTimeout = read.Duration("EarthData:Jobs:InvisibilityTimeout") ?? TimeSpan.FromMinutes(5),
            Workers = read.Int("EarthData:Jobs:Workers", 1, 64) ?? 2,
            PollInterval = read.Duration("EarthData:Jobs:PollInterval") ?? TimeSpan.FromSeconds(5),
            ApiKey = Environment.GetEnvironmentVariable("EARTHDATA_API_KEY") is { Length: > 0 } key ? key : read.Text("EarthData:Api:Key"),
            ProtectReads = read.Bool("EarthData:Api:ProtectReads") ?? false,
        };
        if (settings.ApiKey is { Length: < 16 })
        {
            read.Problems.Add("EARTHDATA_API_KEY must be at least 16 characters");
        }

        if (settings.InvisibilityTimeout < TimeSpan.FromSeconds(10))
        {
            read.Problems.Add("EarthData:Jobs:InvisibilityTimeout must be at least 00:00:10");
        }

        return read.Problems.Count > 0 ? throw new ArgumentException(string.Join("; ", read.Problems)) : settings;
    }

    /// <summary>Binds <c>EarthData:Objects</c> and <c>EarthData:Catalog</c>.</summary>
    internal static StorageSettings BindStorage(SettingsReader read)
    {
        var settings = new StorageSettings();
        settings.Objects.Provider = read.Enum<ObjectStoreProvider>("EarthData:Objects:Provider") ?? settings.Objects.Provider;
        settings.Objects.Directory = read.Text("EarthData:Objects:Directory");
        settings.Objects.ConnectionString = read.Text("EarthData:Objects:ConnectionString");
        settings.Objects.AccountUrl = read.AbsoluteUrl("EarthData:Objects:AccountUrl", "http", "https");
        settings.Objects.Container = read.Text("EarthData:Objects:Container") ?? settings.Objects.Container;
        settings.Catalog.Provider = read.Enum<CatalogStoreProvider>("EarthData:Catalog:Provider") ?? settings.Catalog.Provider;
        settings.Catalog.ConnectionString = read.Text("EarthData:Catalog:ConnectionString");
        return settings;
    }

    private static List<LayerDefinition> Layers(SettingsReader read)
    {
        var text = read.Text("EarthData:Pipeline:Layers") ?? "true-color,false-color";
        try
        {
            var layers = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(LayerDefinition.Parse).ToList();
            if (layers.Count > 0 && layers.DistinctBy(l => l.Name).Count() == layers.Count)
            {
                return layers;
            }
        }
        catch (FormatException)
        {
        }

        read.Problems.Add($"EarthData:Pipeline:Layers: '{text}' is not a list of distinct layers (true-color, false-color, band:N)");
        return [LayerDefinition.TrueColor, LayerDefinition.FalseColor];
    }

    /// <summary>A shape check (5 or 6 fields of cron characters); Hangfire parses it fully when the job is registered at start-up.</summary>
    private static bool IsCron(string cron) =>
        string.Equals(cron, "never", StringComparison.OrdinalIgnoreCase)
        || (cron.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: 5 or 6 } fields
            && fields.All(f => f.All(c => char.IsAsciiLetterOrDigit(c) || "*/,-?#".Contains(c, StringComparison.Ordinal))));
}
