using EarthData.Core.Catalog;
using EarthData.Core.Storage;
using EarthData.Storage.Configuration;

namespace EarthData.Server;

/// <summary>Registers the object store and catalogue store the settings describe.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IObjectStore"/> and <see cref="ICatalogStore"/> singletons created by <see cref="StorageFactory"/>, and
    /// a start-up step that migrates the catalogue and upserts the CBERS collections (<see cref="CatalogInitializer"/>).
    /// </summary>
    public static IServiceCollection AddEarthDataStorage(this IServiceCollection services, ServerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.AddSingleton(settings);
        services.AddSingleton(_ => StorageFactory.CreateObjectStore(settings.Storage, settings.DataDirectory));
        services.AddSingleton(_ => StorageFactory.CreateCatalogStore(settings.Storage, settings.DataDirectory));
        services.AddHostedService<CatalogInitializer>();
        return services;
    }
}
