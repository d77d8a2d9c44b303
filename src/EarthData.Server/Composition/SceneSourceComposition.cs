using EarthData.Core.Sources;
using EarthData.Jobs.Sources;
using EarthData.Storage.Sources;

namespace EarthData.Server.Composition;

/// <summary>The configured scene sources, in the order scene ids are looked up: drop folder, more folders, blob container, STAC API.</summary>
internal static class SceneSourceComposition
{
    /// <summary>Creates the sources of <paramref name="settings"/>.</summary>
    public static SceneSources Create(EarthDataSettings settings)
    {
        var sources = new List<ISceneSource> { new ArchiveFolderSource(settings.DropFolder) };
        sources.AddRange(settings.Folders.Select(f => new ArchiveFolderSource(f)));
        if (settings.BlobSource is { } blob)
        {
            sources.Add(new AzureBlobSceneSource(blob.ClientOptions()) { SettleTime = blob.SettleTime });
        }

        if (settings.StacSource is { } stac)
        {
            sources.Add(new StacApiSceneSource(stac.Url, stac.Collections) { RequestTimeout = stac.RequestTimeout, PageSize = stac.PageSize });
        }

        return new SceneSources(sources);
    }
}
