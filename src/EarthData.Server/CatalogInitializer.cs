using EarthData.Core.Catalog;
using EarthData.Core.Scenes;
using EarthData.Core.Stac;

namespace EarthData.Server;

/// <summary>On start-up: migrates the catalogue and upserts the seven CBERS collections, keeping the extents already stored.</summary>
internal sealed class CatalogInitializer(ICatalogStore catalog) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await catalog.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new InvalidOperationException($"EarthData:Catalog: the catalogue could not be opened or migrated: {ex.Message}", ex);
        }

        foreach (var id in CameraCatalog.CollectionIds)
        {
            var existing = await catalog.GetCollectionAsync(id, cancellationToken).ConfigureAwait(false);
            var collection = CbersCollectionBuilder.Build(id);
            await catalog.UpsertCollectionAsync(existing is null ? collection : collection with { Extent = existing.Extent }, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
