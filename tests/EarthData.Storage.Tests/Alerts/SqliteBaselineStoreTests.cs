using EarthData.Storage.Alerts;

namespace EarthData.Storage.Tests.Alerts;

/// <summary>The baseline store suite on the catalogue's SQLite file; each open is another process's view.</summary>
public sealed class SqliteBaselineStoreTests : BaselineStoreConformanceTests
{
    private readonly SqliteAlertFile _file = new();

    protected override Task<AlertDatabase> OpenDatabaseAsync() => _file.OpenAsync();

    protected override Task DropAsync() => _file.DropAsync();
}
