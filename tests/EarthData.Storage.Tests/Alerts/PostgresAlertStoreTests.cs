using EarthData.Core.Alerts;
using EarthData.Storage.Alerts;

namespace EarthData.Storage.Tests.Alerts;

/// <summary>The conformance suite on the real PostgreSQL server, in a schema of its own per test; each <see cref="OpenAsync"/> has its own pool.</summary>
public sealed class PostgresAlertStoreTests : AlertStoreConformanceTests
{
    private readonly PostgresAlertSchema _schema = new();

    protected override async Task<(IAlertStore Alerts, ISubscriptionStore Subscriptions)> OpenAsync()
    {
        var database = await _schema.OpenAsync();
        return (new SqlAlertStore(database), new SqlSubscriptionStore(database));
    }

    protected override Task DropAsync() => _schema.DropAsync();
}
