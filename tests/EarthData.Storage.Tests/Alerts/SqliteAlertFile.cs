using EarthData.Storage.Alerts;
using EarthData.Storage.Catalog;
using Microsoft.Data.Sqlite;

namespace EarthData.Storage.Tests.Alerts;

/// <summary>A migrated catalogue SQLite file in a temporary folder; each <see cref="OpenAsync"/> is another process's view.</summary>
internal sealed class SqliteAlertFile
{
    private readonly string _directory = Directory.CreateTempSubdirectory("earthdata-alerts-").FullName;
    private readonly List<AlertDatabase> _databases = [];

    public string Path => System.IO.Path.Combine(_directory, "catalog.db");

    public async Task<AlertDatabase> OpenAsync()
    {
        await new SqliteCatalogStore(Path).MigrateAsync();
        var database = AlertDatabase.Sqlite(Path);
        _databases.Add(database);
        return database;
    }

    public Task DropAsync()
    {
        _databases.ForEach(d => d.Dispose());
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }
}
