using EarthData.Core.Alerts;
using EarthData.Storage.Alerts;
using Microsoft.Data.Sqlite;

namespace EarthData.Storage.Tests.Alerts;

/// <summary>The conformance suite on the catalogue's SQLite file; each <see cref="OpenAsync"/> is another process's view.</summary>
public sealed class SqliteAlertStoreTests : AlertStoreConformanceTests
{
    private readonly SqliteAlertFile _file = new();

    protected override async Task<(IAlertStore Alerts, ISubscriptionStore Subscriptions)> OpenAsync()
    {
        var database = await _file.OpenAsync();
        return (new SqlAlertStore(database), new SqlSubscriptionStore(database));
    }

    protected override Task DropAsync() => _file.DropAsync();

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
