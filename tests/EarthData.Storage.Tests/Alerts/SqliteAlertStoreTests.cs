using EarthData.Core.Alerts;
using EarthData.Storage.Alerts;
using EarthData.Storage.Catalog;
using Microsoft.Data.Sqlite;

namespace EarthData.Storage.Tests.Alerts;

/// <summary>The conformance suite on the catalogue's SQLite file; each <see cref="OpenAsync"/> is another process's view.</summary>
public sealed class SqliteAlertStoreTests : AlertStoreConformanceTests
{
    private readonly string _directory = Directory.CreateTempSubdirectory("earthdata-alerts-").FullName;
    private readonly List<AlertDatabase> _databases = [];

    private string Path => System.IO.Path.Combine(_directory, "catalog.db");

    protected override async Task<(IAlertStore Alerts, ISubscriptionStore Subscriptions)> OpenAsync()
    {
        await new SqliteCatalogStore(Path).MigrateAsync();
        var database = AlertDatabase.Sqlite(Path);
        _databases.Add(database);
        return (new SqlAlertStore(database), new SqlSubscriptionStore(database));
    }

    protected override Task DropAsync()
    {
        _databases.ForEach(d => d.Dispose());
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Stores_KeepEverything_AcrossAReopen()
    {
        var (alerts, subscriptions) = await OpenAsync();
        await subscriptions.AddAsync(Subscription("sub_1"), CancellationToken.None);
        await alerts.SaveAsync(State("a", 1, "s1"), Message("e", 1, Hazard.Flood, AlertSeverity.Severe, DateTimeOffset.UnixEpoch), CancellationToken.None);
        await alerts.TryClaimDeliveryAsync(Claim("e.v1"), CancellationToken.None);
        SqliteConnection.ClearAllPools();

        var (reopened, reopenedSubscriptions) = await OpenAsync();

        Assert.NotNull(await reopenedSubscriptions.GetAsync("sub_1", CancellationToken.None));
        Assert.NotNull(await reopened.GetAsync("e.v1", CancellationToken.None));
        Assert.NotNull(await reopened.GetStateAsync("a", Hazard.Flood, CancellationToken.None));
        Assert.False(await reopened.TryClaimDeliveryAsync(Claim("e.v1"), CancellationToken.None));
        Assert.Equal([Claim("e.v1")], await reopened.ListPendingDeliveriesAsync(CancellationToken.None));
    }
}
