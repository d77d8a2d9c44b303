using EarthData.Storage.Alerts;

namespace EarthData.Storage.Tests.Alerts;

/// <summary>The baseline store suite on the real PostgreSQL server, in a schema of its own per test.</summary>
public sealed class PostgresBaselineStoreTests : BaselineStoreConformanceTests
{
    private readonly PostgresAlertSchema _schema = new();

    protected override Task<AlertDatabase> OpenDatabaseAsync() => _schema.OpenAsync();

    protected override Task DropAsync() => _schema.DropAsync();
}
