using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EarthData.Server.Tiles;

/// <summary>Registers what the tile endpoints use.</summary>
internal static class TileServiceCollectionExtensions
{
    /// <summary>Adds the item lookup and tile cache of the tile endpoints (and the clock they use when none is registered).</summary>
    public static IServiceCollection AddEarthDataTiles(this IServiceCollection services, ServerSettings settings)
    {
        services.AddSingleton(TileMemoryOptions.Of(settings));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ItemTileSets>();
        services.AddSingleton<TileUrls>();
        services.AddSingleton<CogDatasetPool>();
        services.AddSingleton<DynamicTiles>();
        services.AddSingleton<AreaStatistics>();
        services.AddSingleton<SceneCalibration>();
        services.AddSingleton<TileObjectCache>();
        return services;
    }
}
