using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using EarthData.Core.Storage;

namespace EarthData.Storage.Objects;

/// <content>Listing, prefix deletion and the properties read from data file and sidecar.</content>
public sealed partial class FileSystemObjectStore
{
    private static readonly TimeSpan RecentWrite = TimeSpan.FromSeconds(10);

    private static readonly EnumerationOptions OneLevel = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = true,
        MatchType = MatchType.Simple,
        AttributesToSkip = 0, // keys may start with '.', which Unix calls hidden
        ReturnSpecialDirectories = false,
    };

    /// <inheritdoc />
    public async IAsyncEnumerable<ObjectProperties> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var start = ResolvePrefixDirectory(prefix);
        if (!Directory.Exists(start))
        {
            yield break;
        }

        // Depth-first over directories sorted so that "a/" sorts where the keys under it do
        // ("a-b" < "a/c" < "a0"): the keys come out in ordinal order without buffering the tree.
        var queue = new Stack<FileSystemInfo>();
        foreach (var entry in SortedEntries(start, prefix).Reverse())
        {
            queue.Push(entry);
        }

        while (queue.TryPop(out var entry))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (entry is DirectoryInfo directory)
            {
                foreach (var child in SortedEntries(directory.FullName, prefix).Reverse())
                {
                    queue.Push(child);
                }

                continue;
            }

            var key = KeyOf(entry.FullName);
            var file = (FileInfo)entry;
            if (!key.StartsWith(prefix, StringComparison.Ordinal) || !file.Exists)
            {
                continue;
            }

            yield return await PropertiesAsync(key, file.FullName, file.Length, file.LastWriteTimeUtc, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<int> DeletePrefixAsync(string prefix, CancellationToken cancellationToken = default)
    {
        var keys = new List<string>();
        await foreach (var properties in ListAsync(prefix, cancellationToken).ConfigureAwait(false))
        {
            keys.Add(properties.Key);
        }

        var deleted = 0;
        foreach (var key in keys)
        {
            if (await DeleteAsync(key, cancellationToken).ConfigureAwait(false))
            {
                deleted++;
            }
        }

        return deleted;
    }

    private IEnumerable<FileSystemInfo> SortedEntries(string directory, string prefix)
    {
        var entries = new List<(string SortKey, FileSystemInfo Entry)>();
        try
        {
            foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos("*", OneLevel))
            {
                if (entry.Name.StartsWith(ReservedNamePrefix, StringComparison.Ordinal)
                    || entry.Attributes.HasFlag(FileAttributes.ReparsePoint))
                {
                    continue; // the store's own files, and links, which are never followed
                }

                var key = KeyOf(entry.FullName);
                if (entry is DirectoryInfo)
                {
                    var folder = key + "/";
                    if (folder.StartsWith(prefix, StringComparison.Ordinal) || prefix.StartsWith(folder, StringComparison.Ordinal))
                    {
                        entries.Add((folder, entry));
                    }
                }
                else if (key.StartsWith(prefix, StringComparison.Ordinal) && ObjectKey.IsValid(key, out _))
                {
                    entries.Add((key, entry));
                }
            }
        }
        catch (DirectoryNotFoundException)
        {
            // Deleted while listing.
        }

        entries.Sort((a, b) => string.CompareOrdinal(a.SortKey, b.SortKey));
        return entries.Select(e => e.Entry);
    }

    /// <summary>
    /// Properties of the version of <paramref name="key"/> with the given length and modification time: from the
    /// sidecar when it describes that version — by modification time, or, when only the time differs (a copy of the data
    /// directory: <c>cp -r</c>, rsync without <c>-t</c>, a restore), by hashing the content once and re-keying the sidecar
    /// to the copy; otherwise (a write committing right now, or a file changed behind the store's back) after a short
    /// wait, with default metadata and a weak ETag.
    /// </summary>
    private static async Task<ObjectProperties> PropertiesAsync(string key, string path, long length, DateTime modifiedUtc, CancellationToken cancellationToken)
    {
        var hashed = false;
        for (var attempt = 0; ; attempt++)
        {
            var metadata = await ReadSidecarAsync(path, cancellationToken).ConfigureAwait(false);
            if (metadata is not null && metadata.Describes(length, modifiedUtc))
            {
                return Described(metadata);
            }

            if (metadata is not null && metadata.Length == length && !hashed)
            {
                hashed = true;
                if (await ContentETagAsync(path, cancellationToken).ConfigureAwait(false) == metadata.ETag)
                {
                    TryWriteSidecar(path, metadata with { ModifiedTicks = modifiedUtc.Ticks });
                    return Described(metadata);
                }
            }

            if (attempt >= 4 || DateTime.UtcNow - modifiedUtc > RecentWrite)
            {
                break;
            }

            await Task.Delay(5 << attempt, cancellationToken).ConfigureAwait(false);
        }

        var weak = string.Create(CultureInfo.InvariantCulture, $"W/\"{length:x}-{modifiedUtc.Ticks:x}\"");
        return new ObjectProperties(key, length, ObjectPutOptions.DefaultContentType, null, weak, new DateTimeOffset(modifiedUtc, TimeSpan.Zero));

        ObjectProperties Described(FileObjectMetadata metadata) =>
            new(key, length, metadata.ContentType, metadata.CacheControl, metadata.ETag, new DateTimeOffset(modifiedUtc, TimeSpan.Zero));
    }

    /// <summary>The ETag of the file's content (as <see cref="PutAsync"/> computes it), or null when it cannot be read.</summary>
    private static async Task<string?> ContentETagAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var stream = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.Open,
                Access = FileAccess.Read,
                Share = FileShare.ReadWrite | FileShare.Delete,
                Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
            });
            await using (stream.ConfigureAwait(false))
            {
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
                try
                {
                    int read;
                    while ((read = await stream.ReadAsync(buffer.AsMemory(0, CopyBufferSize), cancellationToken).ConfigureAwait(false)) > 0)
                    {
                        hash.AppendData(buffer, 0, read);
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }

                return ETagOf(hash);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Re-keys a sidecar; a read-only copy of the data directory keeps working without it (hashing again).</summary>
    private static void TryWriteSidecar(string dataPath, FileObjectMetadata metadata)
    {
        try
        {
            WriteSidecar(dataPath, metadata);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort, see above.
        }
    }

    private static async Task<FileObjectMetadata?> ReadSidecarAsync(string dataPath, CancellationToken cancellationToken)
    {
        try
        {
            var json = await File.ReadAllBytesAsync(SidecarPath(dataPath), cancellationToken).ConfigureAwait(false);
            return FileObjectMetadata.TryParse(json);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }
}
