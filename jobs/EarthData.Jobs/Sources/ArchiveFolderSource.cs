using System.Runtime.CompilerServices;
using EarthData.Core;
using EarthData.Core.Scenes;
using EarthData.Core.Sources;

namespace EarthData.Jobs.Sources;

/// <summary>
/// Scenes in a local (or mounted) folder: the archive layout (<c>CBERS4/MUX/151/121/CBERS_4_MUX_…/</c>) or scene folders
/// straight under the root. The embedded default is the drop folder <c>{data}/drop</c>. Discovery lists complete scenes
/// whose files have not changed for <see cref="SettleTime"/>, ordered by their newest file's time.
/// </summary>
public sealed class ArchiveFolderSource : ISceneSource
{
    /// <summary>Creates the source on <paramref name="root"/> (created when missing).</summary>
    public ArchiveFolderSource(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        Directory.CreateDirectory(Root);
    }

    /// <summary>The folder.</summary>
    public string Root { get; }

    /// <summary>How long a scene's files must be unchanged before discovery takes it (files still being copied are left); default 3 s.</summary>
    public TimeSpan SettleTime { get; init; } = TimeSpan.FromSeconds(3);

    /// <inheritdoc />
    public string Name => "folder:" + Root;

    /// <inheritdoc />
    public bool TryResolve(string location, out SceneId sceneId, out string normalizedLocation)
    {
        sceneId = default!;
        normalizedLocation = string.Empty;
        if (string.IsNullOrWhiteSpace(location) || location.Contains("://", StringComparison.Ordinal) || SceneId.TryParse(location, out _))
        {
            return false;
        }

        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(location));
        if (!full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !SceneId.TryParse(Path.GetFileName(full), out var id))
        {
            return false;
        }

        (sceneId, normalizedLocation) = (id, full);
        return true;
    }

    /// <inheritdoc />
    public Task<string?> LocateAsync(SceneId sceneId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sceneId);
        foreach (var candidate in new[] { ArchiveLayout.SceneDirectory(Root, sceneId), Path.Combine(Root, sceneId.ToString()) })
        {
            if (Directory.Exists(candidate))
            {
                return Task.FromResult<string?>(candidate);
            }
        }

        return Task.FromResult<string?>(null);
    }

    /// <inheritdoc />
    public Task<string> FetchAsync(string location, string cacheDirectory, CancellationToken cancellationToken = default)
    {
        if (!TryResolve(location, out var id, out var full))
        {
            throw new InvalidSceneException($"'{location}' is not a scene folder under {Root}", location, null, null);
        }

        if (!Directory.Exists(full))
        {
            throw new InvalidSceneException($"{id}: scene folder '{full}' does not exist", full, null, id.ToString());
        }

        return Task.FromResult(full);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<DiscoveredScene> DiscoverAsync(string? watermark, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        var settledBefore = DateTimeOffset.UtcNow - SettleTime;
        var candidates = new List<SceneCandidate>();
        foreach (var folder in SceneFolders())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var files = new DirectoryInfo(folder).GetFiles();
            if (files.Length > 0)
            {
                var newest = new DateTimeOffset(files.Max(f => f.LastWriteTimeUtc), TimeSpan.Zero);
                candidates.Add(new SceneCandidate(SceneId.Parse(Path.GetFileName(folder)), folder, newest, IsComplete(folder)));
            }
        }

        foreach (var scene in SettledScenes.Select(candidates, watermark, settledBefore))
        {
            yield return scene;
        }
    }

    private IEnumerable<string> SceneFolders()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ArchiveLayout.Discover(Root))
        {
            var folder = ArchiveLayout.SceneDirectory(Root, id);
            if (seen.Add(folder))
            {
                yield return folder;
            }
        }

        foreach (var folder in Directory.EnumerateDirectories(Root))
        {
            if (SceneId.TryParse(Path.GetFileName(folder), out _) && seen.Add(folder))
            {
                yield return folder;
            }
        }
    }

    private static bool IsComplete(string folder)
    {
        try
        {
            ArchiveLayout.Locate(folder);
            return true;
        }
        catch (InvalidSceneException)
        {
            return false;
        }
    }
}
