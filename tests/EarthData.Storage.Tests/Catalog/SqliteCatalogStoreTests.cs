using EarthData.Core.Catalog;
using EarthData.Storage.Catalog;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace EarthData.Storage.Tests.Catalog;

public sealed class SqliteCatalogStoreTests(ITestOutputHelper output) : CatalogStoreConformanceTests(output)
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "earthdata-catalog-" + Guid.NewGuid().ToString("N"));

    protected override Task<ICatalogStore> CreateStoreAsync()
    {
        Directory.CreateDirectory(_directory);
        return Task.FromResult<ICatalogStore>(new SqliteCatalogStore(Path.Combine(_directory, "catalog.db")));
    }

    protected override Task DropStoreAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp file must not fail a test.
        }

        return Task.CompletedTask;
    }

    [Fact]
    public async Task Migrate_RecordsSchemaVersionAndUsesWal()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_directory, "catalog.db")}");
        await connection.OpenAsync();
        using var version = new SqliteCommand("SELECT MAX(version) FROM schema_version", connection);
        using var mode = new SqliteCommand("PRAGMA journal_mode", connection);

        Assert.Equal(6L, await version.ExecuteScalarAsync());
        Assert.Equal("wal", await mode.ExecuteScalarAsync());
    }
}
