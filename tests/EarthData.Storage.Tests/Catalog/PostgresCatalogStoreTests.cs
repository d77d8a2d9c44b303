using EarthData.Core.Catalog;
using EarthData.Storage.Catalog;
using Npgsql;
using Xunit.Abstractions;
using EarthData.Testing;

namespace EarthData.Storage.Tests.Catalog;

/// <summary>The conformance suite against the real PostgreSQL server of tests/run.sh, in a schema of its own per test.</summary>
public sealed class PostgresCatalogStoreTests(ITestOutputHelper output) : CatalogStoreConformanceTests(output)
{
    private readonly string _schema = "catalog_" + Guid.NewGuid().ToString("N");

    internal static string ConnectionString => TestServers.Postgres;

    protected override async Task<ICatalogStore> CreateStoreAsync()
    {
        await ExecuteAsync($"CREATE SCHEMA \"{_schema}\"");
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = _schema };
        return new PostgresCatalogStore(builder.ConnectionString);
    }

    protected override async Task DropStoreAsync()
    {
        await ExecuteAsync($"DROP SCHEMA IF EXISTS \"{_schema}\" CASCADE");
    }

    [Fact]
    public async Task Migrate_CreatesGistIndexAndRecordsVersion()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var index = new NpgsqlCommand(
            "SELECT indexdef FROM pg_indexes WHERE schemaname = @s AND indexname = 'items_bbox'", connection);
        index.Parameters.AddWithValue("s", _schema);
        await using var version = new NpgsqlCommand($"SELECT MAX(version) FROM \"{_schema}\".schema_version", connection);

        Assert.Contains("USING gist (bbox)", (string?)await index.ExecuteScalarAsync(), StringComparison.Ordinal);
        Assert.Equal(6, await version.ExecuteScalarAsync());
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
