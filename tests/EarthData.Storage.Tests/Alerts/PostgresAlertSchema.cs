using EarthData.Storage.Alerts;
using EarthData.Storage.Catalog;
using EarthData.Testing;
using Npgsql;

namespace EarthData.Storage.Tests.Alerts;

/// <summary>A migrated catalogue schema of its own on the real PostgreSQL server; each <see cref="OpenAsync"/> is another process's pool.</summary>
internal sealed class PostgresAlertSchema
{
    private readonly string _schema = "alerts_" + Guid.NewGuid().ToString("N");
    private readonly List<AlertDatabase> _databases = [];
    private bool _created;

    public async Task<AlertDatabase> OpenAsync()
    {
        if (!_created)
        {
            await ExecuteAsync($"CREATE SCHEMA \"{_schema}\"");
            _created = true;
        }

        var connectionString = new NpgsqlConnectionStringBuilder(TestServers.Postgres) { SearchPath = _schema }.ConnectionString;
        await using (var catalog = new PostgresCatalogStore(connectionString))
        {
            await catalog.MigrateAsync();
        }

        var database = AlertDatabase.Postgres(connectionString);
        _databases.Add(database);
        return database;
    }

    public async Task DropAsync()
    {
        foreach (var database in _databases)
        {
            await database.DisposeAsync();
        }

        if (_created)
        {
            await ExecuteAsync($"DROP SCHEMA IF EXISTS \"{_schema}\" CASCADE");
        }
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(TestServers.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
