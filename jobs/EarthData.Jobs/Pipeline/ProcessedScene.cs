using EarthData.Core.Metadata;

namespace EarthData.Jobs.Pipeline;

/// <summary>A scene after <see cref="SceneProcessor.Process"/>: its metadata and a complete work directory.</summary>
/// <param name="Metadata">The scene metadata merged from its INPE XML files.</param>
/// <param name="WorkDirectory">The full path of the work directory (<c>{data}/staging/{sceneId}</c>).</param>
/// <param name="Manifest">What the work directory holds.</param>
/// <param name="Reused">True when existing outputs were reused instead of produced.</param>
public sealed record ProcessedScene(SceneMetadata Metadata, string WorkDirectory, SceneManifest Manifest, bool Reused)
{
    /// <summary>The full path of a file the manifest lists.</summary>
    public string PathOf(ManifestFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Path.Combine(WorkDirectory, file.Path.Replace('/', Path.DirectorySeparatorChar));
    }
}
