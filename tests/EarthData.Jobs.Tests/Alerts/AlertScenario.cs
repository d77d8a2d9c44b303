using System.Text.Json;
using EarthData.Alerts.Hazards;
using EarthData.Alerts.Webhooks;
using EarthData.Core.Alerts;
using EarthData.Core.Geometry;
using EarthData.Core.Scenes;
using EarthData.Gdal;
using EarthData.Jobs.Alerts;
using EarthData.Samples;
using EarthData.Samples.Synthesis;
using EarthData.Storage.Alerts;
using EarthData.Storage.Catalog;
using EarthData.Storage.Objects;
using EarthData.Testing;
using Microsoft.Data.Sqlite;

namespace EarthData.Jobs.Tests.Alerts;

/// <summary>
/// One generated scenario run through the whole alert path: the generator's archive (history seasons, before, after,
/// truth mask), a subscription over the truth's extent (the whole scene for the control) with a webhook to a real
/// loopback receiver, and the evaluator with the product's stores: alerts, subscriptions and baseline records in a
/// SQLite catalogue, baseline COGs in a filesystem object store. <see cref="Reopen"/> is another process's view of them.
/// </summary>
internal sealed class AlertScenario : IDisposable
{
    public const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static readonly DateOnly Date = new(2024, 3, 10);
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("earthdata-alerts-");
    private readonly List<AlertDatabase> _databases = [];

    public AlertScenario(ChangeScenario scenario, int historySeasons, int seed)
    {
        Archive = Path.Combine(_root.FullName, "archive");
        var options = new SyntheticSceneOptions
        {
            OutputRoot = Archive, Collection = "CBERS4-MUX", Scale = 0.05, Seed = seed, Date = Date, Scenario = scenario, HistorySeasons = historySeasons,
        };
        if (scenario == ChangeScenario.None)
        {
            // The control: the same ground seen before (with its history) and now, nothing changing in between.
            SyntheticSceneGenerator.Generate(options with { Date = Date.AddDays(-26) });
            Generated = SyntheticSceneGenerator.Generate(options with { HistorySeasons = 0 });
        }
        else
        {
            Generated = SyntheticSceneGenerator.Generate(options);
        }

        After = Generated.Scenes[^1].Id;
        using (var scene = GdalDataset.Open(ArchiveLayout.Locate(Generated.Scenes[^1].Directory).Bands[0].TiffPath))
        {
            var transform = scene.GeoTransform!.Value;
            (Width, Height, Transform) = (scene.Width, scene.Height, transform);
            using var srs = scene.GetSpatialReference()!;
            Epsg = srs.Epsg!.Value;
        }

        Truth = Generated.TruthMaskPath is { } truthPath ? ReadTruth(truthPath) : null;
        Catalog = new SqliteCatalogStore(Path.Combine(_root.FullName, "catalog.db"));
        Catalog.MigrateAsync().GetAwaiter().GetResult(); // a constructor; xunit runs tests without a synchronization context
        Objects = new FileSystemObjectStore(Path.Combine(_root.FullName, "objects"));
        (Store, Subscriptions, Baselines) = Reopen();
        Receiver = new LoopbackReceiver(200);
        var guard = new WebhookTargetGuard(allowPrivateTargets: true);
        Client = new HttpClient(WebhookHttpHandler.Create(guard));
        var delivery = new WebhookDelivery(Client, guard, new WebhookRetryPolicy([TimeSpan.FromMilliseconds(10)]), TimeProvider.System);
        Scheduler = new InProcessWebhookScheduler(delivery, Subscriptions, (d, ct) => Task.Delay(d, ct));
        Evaluator = new AlertEvaluator(Store, Subscriptions, new HazardThresholds(), new AlertDispatcher(Store, Scheduler), TimeProvider.System, Baselines);
    }

    public string Archive { get; }

    public GeneratedSamples Generated { get; }

    public SceneId After { get; }

    public int Width { get; }

    public int Height { get; }

    public GeoTransform Transform { get; }

    public int Epsg { get; }

    /// <summary>The truth mask (1 changed, 0 unchanged, 255 unknown) on the scene grid, or null for the control.</summary>
    public byte[]? Truth { get; }

    public double PixelAreaKm2 => Math.Abs(Transform.PixelWidth * Transform.PixelHeight) / 1e6;

    public LoopbackReceiver Receiver { get; }

    public HttpClient Client { get; }

    public SqliteCatalogStore Catalog { get; }

    public FileSystemObjectStore Objects { get; }

    public IAlertStore Store { get; }

    public ISubscriptionStore Subscriptions { get; }

    public IBaselineStore Baselines { get; }

    public InProcessWebhookScheduler Scheduler { get; }

    public AlertEvaluator Evaluator { get; }

    /// <summary>Subscribes every hazard over the truth's extent grown by a quarter (the whole scene without truth).</summary>
    public async Task<Subscription> SubscribeAsync()
    {
        int minX = 0, minY = 0, maxX = Width - 1, maxY = Height - 1;
        if (Truth is not null)
        {
            (minX, minY, maxX, maxY) = (Width, Height, 0, 0);
            for (var i = 0; i < Truth.Length; i++)
            {
                if (Truth[i] == 1)
                {
                    (minX, maxX) = (Math.Min(minX, i % Width), Math.Max(maxX, i % Width));
                    (minY, maxY) = (Math.Min(minY, i / Width), Math.Max(maxY, i / Width));
                }
            }

            var (growX, growY) = ((maxX - minX) / 8, (maxY - minY) / 8);
            (minX, minY, maxX, maxY) = (Math.Max(0, minX - growX), Math.Max(0, minY - growY), Math.Min(Width - 1, maxX + growX), Math.Min(Height - 1, maxY + growY));
        }

        using var utm = SpatialReference.FromEpsg(Epsg);
        using var wgs84 = SpatialReference.FromEpsg(4326);
        using var toWgs84 = CoordinateTransformation.Create(utm, wgs84);
        (double, double)[] corners = [(minX, maxY + 1), (maxX + 1, maxY + 1), (maxX + 1, minY), (minX, minY), (minX, maxY + 1)];
        var ring = corners.Select(c =>
        {
            var (x, y) = Transform.PixelToWorld(c.Item1, c.Item2);
            var (lon, lat) = toWgs84.Transform(x, y);
            return new GeoPoint(lon, lat);
        }).ToList();
        var subscription = new Subscription
        {
            Id = "sub_scenario",
            Area = [[ring]],
            Hazards = [Hazard.Drought, Hazard.Flood, Hazard.Burn],
            MinSeverity = AlertSeverity.Minor,
            Languages = ["en", "zh", "pt"],
            WebhookUrl = Receiver.Url,
            WebhookSecret = Secret,
            Created = DateTimeOffset.UtcNow,
        };
        await Subscriptions.AddAsync(subscription, CancellationToken.None);
        return subscription;
    }

    /// <summary>The stores over the same catalogue and object store, as a restarted process opens them.</summary>
    public (IAlertStore Alerts, ISubscriptionStore Subscriptions, IBaselineStore Baselines) Reopen()
    {
        var database = AlertDatabase.Sqlite(Path.Combine(_root.FullName, "catalog.db"));
        _databases.Add(database);
        return (new SqlAlertStore(database), new SqlSubscriptionStore(database), new SqlBaselineStore(database, Objects));
    }

    public double ManifestAreaKm2()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Generated.ManifestPath!));
        return manifest.RootElement.GetProperty("changedAreaKm2").GetDouble();
    }

    public void Dispose()
    {
        Receiver.Dispose();
        Client.Dispose();
        _databases.ForEach(d => d.Dispose());
        SqliteConnection.ClearAllPools();
        _root.Delete(recursive: true);
    }

    private byte[] ReadTruth(string path)
    {
        using var dataset = GdalDataset.Open(path);
        Assert.Equal((Width, Height), (dataset.Width, dataset.Height));
        var values = new byte[Width * Height];
        dataset.GetBand(1).Read<byte>(0, 0, Width, Height, values);
        return values;
    }
}
