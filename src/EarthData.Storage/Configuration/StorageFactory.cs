using EarthData.Core.Catalog;
using EarthData.Core.Storage;
using EarthData.Storage.Alerts;
using EarthData.Storage.Catalog;
using EarthData.Storage.Objects;

namespace EarthData.Storage.Configuration;

/// <summary>Creates the configured object store and catalogue store; the one place that knows the adapters.</summary>
public static class StorageFactory
{
    /// <summary>The object store <paramref name="settings"/> describe, rooted under <paramref name="dataDirectory"/> by default.</summary>
    /// <exception cref="ArgumentException">The settings are invalid (the message lists every problem).</exception>
    public static IObjectStore CreateObjectStore(StorageSettings settings, string dataDirectory)
    {
        ThrowIfInvalid(settings);
        var objects = settings.Objects;
        return objects.Provider switch
        {
            ObjectStoreProvider.AzureBlob => new AzureBlobObjectStore(new AzureBlobStoreOptions
            {
                ConnectionString = objects.ConnectionString,
                AccountUrl = objects.AccountUrl,
                Container = objects.Container,
            }),
            _ => new FileSystemObjectStore(objects.Directory ?? Path.Combine(dataDirectory, "objects")),
        };
    }

    /// <summary>The catalogue store <paramref name="settings"/> describe (migrate it before use).</summary>
    /// <exception cref="ArgumentException">The settings are invalid (the message lists every problem).</exception>
    public static ICatalogStore CreateCatalogStore(StorageSettings settings, string dataDirectory)
    {
        ThrowIfInvalid(settings);
        if (settings.Catalog.Provider == CatalogStoreProvider.Postgres)
        {
            return new PostgresCatalogStore(settings.Catalog.ConnectionString!);
        }

        return new SqliteCatalogStore(SqlitePath(settings, dataDirectory));
    }

    /// <summary>
    /// The alert stores' database: the catalogue's own SQLite file or PostgreSQL schema (the catalogue store's migration
    /// creates the tables, so migrate that first).
    /// </summary>
    /// <exception cref="ArgumentException">The settings are invalid (the message lists every problem).</exception>
    public static AlertDatabase CreateAlertDatabase(StorageSettings settings, string dataDirectory)
    {
        ThrowIfInvalid(settings);
        if (settings.Catalog.Provider == CatalogStoreProvider.Postgres)
        {
            return AlertDatabase.Postgres(settings.Catalog.ConnectionString!);
        }

        return AlertDatabase.Sqlite(SqlitePath(settings, dataDirectory));
    }

    private static string SqlitePath(StorageSettings settings, string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        return settings.Catalog.ConnectionString ?? Path.Combine(dataDirectory, "catalog.db");
    }

    private static void ThrowIfInvalid(StorageSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var problems = settings.Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems));
        }
    }
}
