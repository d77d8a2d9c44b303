using EarthData.Core.Storage;

namespace EarthData.Storage.Objects;

/// <content>Key to path resolution: validation, the root containment check and the refusal of symbolic links.</content>
public sealed partial class FileSystemObjectStore
{
    /// <summary>File names starting with this are the store's own (sidecars, temporary files) and never keys.</summary>
    internal const string ReservedNamePrefix = ".earthdata-";

    private const string SidecarPrefix = ReservedNamePrefix + "meta.";
    private const string TempPrefix = ReservedNamePrefix + "tmp.";

    /// <summary>The sidecar of the data file <paramref name="dataPath"/>.</summary>
    internal static string SidecarPath(string dataPath) =>
        Path.Combine(Path.GetDirectoryName(dataPath)!, SidecarPrefix + Path.GetFileName(dataPath) + ".json");

    private static string TempPath(string directory) => Path.Combine(directory, TempPrefix + Guid.NewGuid().ToString("N"));

    /// <summary>Validates <paramref name="key"/> and maps it to a full path under the root, refusing links.</summary>
    private string ResolveKey(string key)
    {
        ObjectKey.Validate(key);
        foreach (var segment in key.Split('/'))
        {
            if (segment.StartsWith(ReservedNamePrefix, StringComparison.Ordinal))
            {
                throw new InvalidObjectKeyException(key, $"segment '{segment}' starts with '{ReservedNamePrefix}', which the filesystem store reserves for its own files", nameof(key));
            }
        }

        return ResolveUnderRoot(key, key);
    }

    /// <summary>Validates a list/delete prefix and returns the full path of the directory it starts in.</summary>
    private string ResolvePrefixDirectory(string prefix)
    {
        ObjectKey.ValidatePrefix(prefix);
        var slash = prefix.LastIndexOf('/');
        return slash < 0 ? RootDirectory : ResolveUnderRoot(prefix[..slash], prefix);
    }

    private string ResolveUnderRoot(string relative, string key)
    {
        var full = Path.GetFullPath(Path.Combine(RootDirectory, relative.Replace('/', Path.DirectorySeparatorChar)));
        if (!full.StartsWith(_rootWithSeparator, StringComparison.Ordinal))
        {
            // Unreachable with validated keys; kept as a second line of defence.
            throw new InvalidObjectKeyException(key, "it resolves outside the store's root directory", nameof(key));
        }

        // Refuse every existing component that is a symbolic link: a link could lead out of the root.
        var position = _rootWithSeparator.Length;
        while (position <= full.Length)
        {
            var next = full.IndexOf(Path.DirectorySeparatorChar, position);
            var component = next < 0 ? full : full[..next];
            var info = new FileInfo(component);
            if (!info.Exists && !Directory.Exists(component))
            {
                break; // nothing below a missing component exists either
            }

            if (info.LinkTarget is not null)
            {
                throw new InvalidObjectKeyException(
                    key,
                    $"'{Path.GetRelativePath(RootDirectory, component)}' is a symbolic link, which the filesystem store does not follow",
                    nameof(key));
            }

            if (next < 0)
            {
                break;
            }

            position = next + 1;
        }

        return full;
    }

    /// <summary>The key of the file at <paramref name="fullPath"/> under the root.</summary>
    private string KeyOf(string fullPath) =>
        fullPath[_rootWithSeparator.Length..].Replace(Path.DirectorySeparatorChar, '/');

    /// <summary>
    /// Refuses a handle that does not refer to the file at <paramref name="expectedPath"/> under the real root: the path
    /// was checked for links before the open, but a component may have been swapped for a link in between (the open
    /// follows links). Linux only (<c>/proc/self/fd</c>); elsewhere the check before the open is the defence.
    /// </summary>
    private void EnsureOpenedUnderRoot(FileStream stream, string expectedPath, string key)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var opened = new FileInfo("/proc/self/fd/" + stream.SafeFileHandle.DangerousGetHandle().ToString()).LinkTarget;
        const string Deleted = " (deleted)"; // replaced by a put after the open: still the file that was asked for
        if (opened is not null && opened.EndsWith(Deleted, StringComparison.Ordinal))
        {
            opened = opened[..^Deleted.Length];
        }

        var expected = _realRoot.Value + expectedPath[RootDirectory.Length..];
        if (opened is not null && !string.Equals(opened, expected, StringComparison.Ordinal))
        {
            throw new InvalidObjectKeyException(key, "it resolves through a symbolic link, which the filesystem store does not follow", nameof(key));
        }
    }

    /// <summary>The path with every link in it resolved (the root itself may be, or lie under, a link).</summary>
    private static string RealPath(string path, int depth = 0)
    {
        var current = Path.GetPathRoot(path) ?? "/";
        foreach (var part in path[current.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            if (new FileInfo(next).LinkTarget is { } target && depth < 40)
            {
                next = RealPath(Path.GetFullPath(target, current), depth + 1);
            }

            current = next;
        }

        return current;
    }
}
