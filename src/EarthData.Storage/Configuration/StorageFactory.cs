using EarthData.Core.Catalog;
using EarthData.Core.Storage;
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

        Directory.CreateDirectory(dataDirectory);
        return new SqliteCatalogStore(settings.Catalog.ConnectionString ?? Path.Combine(dataDirectory, "catalog.db"));
    }

    /// <summary>
    /// The URL under which the store's object keys resolve when nothing else is configured: a <c>file://</c> URL of a
    /// filesystem store's root, or a blob store's container URL.
    /// </summary>
    public static Uri OwnUrl(IObjectStore store) => store switch
    {
        FileSystemObjectStore fs => new Uri(fs.RootDirectory.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar),
        AzureBlobObjectStore blob => new Uri(blob.BlobUri("x").AbsoluteUri[..^1]),
        _ => throw new ArgumentException("EarthData:PublicBaseUrl is required for this object store"),
    };

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
