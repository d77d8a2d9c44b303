using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EarthData.Server.Tiles;

/// <summary>Registers what the tile endpoints use.</summary>
internal static class TileServiceCollectionExtensions
{
    /// <summary>Adds the item lookup of the tile endpoints (and the clock it uses when none is registered).</summary>
    public static IServiceCollection AddEarthDataTiles(this IServiceCollection services)
    {
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
