using EarthData.Storage.Configuration;
using EarthData.Testing;
using Npgsql;

namespace EarthData.Server.Tests;

/// <summary>The server with its catalogue in PostgreSQL (tests/run.sh's server), in a schema of its own.</summary>
public class PostgresRunningServer : RunningServer
{
    private readonly string _schema = "server_" + Guid.NewGuid().ToString("N");

    protected override async Task<StorageSettings> CreateStorageAsync()
    {
        await ExecuteAsync($"CREATE SCHEMA \"{_schema}\"");
        var connection = new NpgsqlConnectionStringBuilder(TestServers.Postgres) { SearchPath = _schema }.ConnectionString;
        return new StorageSettings { Catalog = new CatalogStoreSettings { Provider = CatalogStoreProvider.Postgres, ConnectionString = connection } };
    }

    protected override Task DropStorageAsync() => ExecuteAsync($"DROP SCHEMA IF EXISTS \"{_schema}\" CASCADE");

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(TestServers.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
