using EarthData.Core.Scenes;

namespace EarthData.Core.Sources;

/// <summary>
/// Where remote sources put a fetched scene: <c>{cache}/{SCENE_ID}/</c>, filled in a private <c>.part</c> folder and
/// moved into place only when every file is there, so a failed or cancelled fetch leaves no half scene.
/// </summary>
public static class SceneCache
{
    /// <summary>
    /// Runs <paramref name="fill"/> on an empty private folder, then makes it <c>{cacheDirectory}/{id}</c> (replacing an
    /// older copy) and returns that path; the private folder is removed when <paramref name="fill"/> fails.
    /// </summary>
    public static async Task<string> FillAsync(string cacheDirectory, SceneId id, Func<string, CancellationToken, Task> fill, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cacheDirectory);
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(fill);
        var target = Path.Combine(Path.GetFullPath(cacheDirectory), id.ToString());
        var partial = target + "." + Guid.NewGuid().ToString("N")[..8] + ".part";
        Directory.CreateDirectory(partial);
        try
        {
            await fill(partial, cancellationToken).ConfigureAwait(false);
            if (Directory.Exists(target))
            {
                Directory.Delete(target, recursive: true);
            }

            Directory.Move(partial, target);
            return target;
        }
        finally
        {
            if (Directory.Exists(partial))
            {
                Directory.Delete(partial, recursive: true);
            }
        }
    }
}
