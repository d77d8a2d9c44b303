using EarthData.Core.Storage;

namespace EarthData.Server.Tiles;

/// <summary>A pre-rendered tile as <see cref="TileObjectCache"/> remembers it.</summary>
/// <param name="Properties">The stored properties (ETag, length, type, dates).</param>
/// <param name="LocalPath">In a filesystem store, the file holding the tile; otherwise null.</param>
/// <param name="Content">The tile's bytes when they are held in memory; otherwise null (stream from the store).</param>
internal sealed record CachedTile(ObjectProperties Properties, string? LocalPath, byte[]? Content);
