using EarthData.Core.Storage;
using EarthData.Imaging.Tiling;

namespace EarthData.Jobs.Pipeline;

/// <summary>Which local files of a work directory go to which published keys, with which headers.</summary>
public static class SceneUploads
{
    private static readonly ObjectPutOptions Immutable = new() { CacheControl = PublishOptions.ImmutableCacheControl };

    /// <summary>The COG, the thumbnail and the INPE XML originals of a processed scene.</summary>
    public static IEnumerable<(string Key, string Path, ObjectPutOptions Options)> Products(SceneManifest manifest, string workDirectory)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var (collection, id) = (manifest.Collection, manifest.SceneId);
        yield return (PublishedObjectKeys.Cog(collection, id, "visual"), PathOf(workDirectory, manifest.Cog), Immutable with { ContentType = PublishOptions.CogContentType });
        yield return (PublishedObjectKeys.Thumbnail(collection, id), PathOf(workDirectory, manifest.Thumbnail), Immutable with { ContentType = "image/png" });
        foreach (var xml in manifest.MetadataXml)
        {
            yield return (PublishedObjectKeys.Original(collection, id, FileName(xml)), PathOf(workDirectory, xml), Immutable with { ContentType = "text/xml" });
        }

        foreach (var index in manifest.Indices ?? [])
        {
            yield return (PublishedObjectKeys.Cog(collection, id, index.AssetKey), PathOf(workDirectory, index.File), Immutable with { ContentType = PublishOptions.CogContentType });
        }

        foreach (var band in manifest.OriginalBands ?? [])
        {
            yield return (PublishedObjectKeys.Original(collection, id, FileName(band)), PathOf(workDirectory, band), Immutable with { ContentType = "image/tiff" });
        }
    }

    /// <summary>Every tile of the layers the manifest lists, found under <c>tiles/{layer}/</c> of the work directory.</summary>
    public static IEnumerable<(string Key, string Path, ObjectPutOptions Options)> Tiles(SceneManifest manifest, string workDirectory)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        foreach (var layer in manifest.Layers)
        {
            var root = Path.Combine(workDirectory, layer.Directory);
            var options = Immutable with { ContentType = layer.Extension == "webp" ? "image/webp" : "image/png" };
            var prefix = TileWriterPaths.LayerPrefix(manifest.Collection, manifest.SceneId, layer.Name);
            foreach (var file in Directory.EnumerateFiles(root, "*." + layer.Extension, SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');
                if (TileWriterPaths.TryParseRelativePath(relative, out _, out _))
                {
                    yield return (prefix + relative, file, options);
                }
            }
        }
    }

    /// <summary>The file name of a manifest entry (its last path segment).</summary>
    public static string FileName(ManifestFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.Path[(file.Path.LastIndexOf('/') + 1)..];
    }

    /// <summary>The full local path of a manifest entry.</summary>
    public static string PathOf(string workDirectory, ManifestFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Path.Combine(workDirectory, file.Path.Replace('/', Path.DirectorySeparatorChar));
    }
}
