namespace EarthData.Server.Tiles;

/// <summary>How many bytes of pre-rendered tiles the server holds in memory (<see cref="TileObjectCache"/>).</summary>
/// <param name="BudgetBytes">The most tile bytes held at once (<see cref="ServerSettings.TileMemoryMegabytes"/>; 0 holds none).</param>
/// <param name="MaxTileBytes">Tiles larger than this are streamed from the store, never held.</param>
public sealed record TileMemoryOptions(long BudgetBytes, int MaxTileBytes)
{
    /// <summary>The largest tile held: 1 MiB (a 256² RGBA PNG is at most ~260 KiB; WEBP and JPEG less).</summary>
    public const int DefaultMaxTileBytes = 1024 * 1024;

    /// <summary>The options of <paramref name="settings"/>.</summary>
    public static TileMemoryOptions Of(ServerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new TileMemoryOptions(settings.TileMemoryMegabytes * 1024L * 1024L, DefaultMaxTileBytes);
    }
}
