using EarthData.Core.Scenes;

namespace EarthData.Core.Sources;

/// <summary>
/// Where scenes come from: an archive-layout folder, a blob container with the same layout, a STAC API. A source
/// finds new scenes (discovery) and makes one scene's band files available as a local folder in the archive layout.
/// Implementations are thread-safe.
/// </summary>
public interface ISceneSource
{
    /// <summary>A short name for logs, watermarks and records (e.g. <c>folder:/data/drop</c>).</summary>
    string Name { get; }

    /// <summary>
    /// Whether <paramref name="location"/> (an archive path, blob prefix or STAC item URL as a user or discovery gave
    /// it) belongs to this source; when it does, the scene id it names.
    /// </summary>
    bool TryResolve(string location, out SceneId sceneId, out string normalizedLocation);

    /// <summary>The location of a scene given only by id, when this source can find one; else null.</summary>
    Task<string?> LocateAsync(SceneId sceneId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes the scene's band files (TIFF + INPE XML) available locally and returns the folder that holds them, named
    /// after the scene id: the source's own folder when it is local, else a download under <paramref name="cacheDirectory"/>.
    /// </summary>
    /// <exception cref="InvalidSceneException">The location holds no such scene, or its files are incomplete.</exception>
    Task<string> FetchAsync(string location, string cacheDirectory, CancellationToken cancellationToken = default);

    /// <summary>Scenes changed after <paramref name="watermark"/> (null: all), oldest first, each with its own watermark.</summary>
    IAsyncEnumerable<DiscoveredScene> DiscoverAsync(string? watermark, CancellationToken cancellationToken = default);
}
