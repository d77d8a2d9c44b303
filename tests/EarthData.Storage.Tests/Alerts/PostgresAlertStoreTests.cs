using EarthData.Core.Alerts;
using EarthData.Storage.Alerts;
using EarthData.Storage.Catalog;
using EarthData.Testing;
using Npgsql;

namespace EarthData.Storage.Tests.Alerts;

/// <summary>The conformance suite on the real PostgreSQL server, in a schema of its own per test; each <see cref="OpenAsync"/> has its own pool.</summary>
public sealed class PostgresAlertStoreTests : AlertStoreConformanceTests
{
    private readonly string _schema = "alerts_" + Guid.NewGuid().ToString("N");
    private readonly List<AlertDatabase> _databases = [];
    private bool _created;

    protected override async Task<(IAlertStore Alerts, ISubscriptionStore Subscriptions)> OpenAsync()
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
        return (new SqlAlertStore(database), new SqlSubscriptionStore(database));
    }

    protected override async Task DropAsync()
    {
        foreach (var database in _databases)
        {
            await database.DisposeAsync();
        }

        await ExecuteAsync($"DROP SCHEMA IF EXISTS \"{_schema}\" CASCADE");
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(TestServers.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
