namespace EarthData.Jobs.Stages;

/// <summary>
/// The machine-local staging cache under <c>{data}/staging</c>: downloaded sources in <c>sources/{id}/</c> and stage
/// outputs in <c>work/{id}/</c>. Anything here may vanish at any time — every stage rebuilds what it lacks from the
/// object store — and a scene's folders are deleted once it is published.
/// </summary>
public sealed class SceneWorkspace
{
    /// <summary>Creates the workspace under <paramref name="stagingDirectory"/>.</summary>
    public SceneWorkspace(string stagingDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stagingDirectory);
        Root = Path.GetFullPath(stagingDirectory);
    }

    /// <summary>The staging directory.</summary>
    public string Root { get; }

    /// <summary>The parent of downloaded scene folders (each named after its scene id).</summary>
    public string SourcesDirectory => Path.Combine(Root, "sources");

    /// <summary>The parent of per-scene work directories (<see cref="Pipeline.SceneProcessor"/>'s staging directory).</summary>
    public string WorkRoot => Path.Combine(Root, "work");

    /// <summary>The downloaded copy of a scene's source folder.</summary>
    public string SourceOf(string sceneId) => Path.Combine(SourcesDirectory, sceneId);

    /// <summary>The work directory of a scene.</summary>
    public string WorkOf(string sceneId) => Path.Combine(WorkRoot, sceneId);

    /// <summary>Deletes everything cached for a scene; missing folders are fine.</summary>
    public void Clean(string sceneId)
    {
        foreach (var directory in new[] { SourceOf(sceneId), WorkOf(sceneId) })
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }
}
