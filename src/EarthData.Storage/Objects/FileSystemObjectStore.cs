using System.Buffers;
using System.Security.Cryptography;
using EarthData.Core.Storage;

namespace EarthData.Storage.Objects;

/// <summary>
/// An <see cref="IObjectStore"/> in a local directory: key <c>a/b/c.png</c> is the file <c>{root}/a/b/c.png</c>,
/// so the server can stream files directly (<see cref="LocalPath"/>).
/// </summary>
/// <remarks>
/// <para>Writes go to a temporary file in the target directory, are flushed to disk, then renamed over the
/// target, so readers and concurrent writers never see a torn file; <see cref="OverwriteMode.CreateOnly"/>
/// renames with <c>RENAME_NOREPLACE</c>, so exactly one of several creators wins, across processes too.
/// Content type, cache control and a SHA-256 based ETag live in a hidden sidecar (<c>.earthdata-meta.{name}.json</c>) that is never listed; key segments starting with <c>.earthdata-</c>
/// are therefore refused.</para>
/// <para>Symbolic links inside the root are never followed: a key that resolves through one is refused and
/// listings skip them. The root itself may be a link.</para>
/// <para>Limits: a key cannot also be a "folder" of other keys (<c>a</c> and <c>a/b</c>); file names are
/// limited by the filesystem (255 bytes, sidecar name included). Metadata of two processes writing the same
/// key at the same instant may pair up wrongly; the store detects that and serves the content with default
/// metadata and a weak ETag instead.</para>
/// </remarks>
public sealed partial class FileSystemObjectStore : IObjectStore
{
    private const int CopyBufferSize = 81920;
    private const int LockStripes = 64;

    private readonly string _rootWithSeparator;
    private readonly SemaphoreSlim[] _commitLocks;
    private readonly Lazy<string> _realRoot;

    /// <summary>Creates a store rooted at <paramref name="rootDirectory"/>, creating the directory when missing.</summary>
    /// <param name="rootDirectory">The directory holding the objects; relative paths resolve against the current directory.</param>
    public FileSystemObjectStore(string rootDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootDirectory);
        RootDirectory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(rootDirectory));
        Directory.CreateDirectory(RootDirectory);
        _rootWithSeparator = RootDirectory + Path.DirectorySeparatorChar;
        _realRoot = new Lazy<string>(() => RealPath(RootDirectory));
        _commitLocks = new SemaphoreSlim[LockStripes];
        for (var i = 0; i < LockStripes; i++)
        {
            _commitLocks[i] = new SemaphoreSlim(1, 1);
        }
    }

    /// <summary>The full path of the root directory.</summary>
    public string RootDirectory { get; }

    /// <summary>
    /// The full path of the file holding <paramref name="key"/>, or <see langword="null"/> when no object is stored
    /// under it. The file may be replaced (never modified in place) by a later put; open it with
    /// <see cref="FileShare.Delete"/> if that matters.
    /// </summary>
    /// <param name="key">The object key.</param>
    /// <exception cref="InvalidObjectKeyException">The key is invalid or resolves through a symbolic link.</exception>
    public string? LocalPath(string key)
    {
        var path = ResolveKey(key);
        return File.Exists(path) ? path : null;
    }

    /// <inheritdoc />
    public async Task PutAsync(string key, Stream content, ObjectPutOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ContentType, nameof(options));
        var path = ResolveKey(key);
        var directory = Path.GetDirectoryName(path)!;
        string? temp = null;
        var sourceFailed = false;
        try
        {
            FileStream file;
            (temp, file) = await CreateTempFileAsync(directory, cancellationToken).ConfigureAwait(false);
            string etag;
            await using (file.ConfigureAwait(false))
            {
                etag = await CopyAndHashAsync(content, file, () => sourceFailed = true, cancellationToken).ConfigureAwait(false);
            }

            var written = new FileInfo(temp);
            var metadata = new FileObjectMetadata(options.ContentType, options.CacheControl, etag, written.Length, written.LastWriteTimeUtc.Ticks);

            var commitLock = CommitLock(key);
            await commitLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                Commit(key, temp, path, options.OverwriteMode);
                temp = null;
                WriteSidecar(path, metadata);
            }
            finally
            {
                commitLock.Release();
            }
        }
        catch (Exception ex) when (!sourceFailed && ex is IOException or UnauthorizedAccessException && ex is not ObjectStoreException)
        {
            // Failures of the caller's stream pass unchanged; the store's own are wrapped with the key.
            throw new ObjectStoreException($"Could not store '{key}' at '{path}': {ex.Message}", key, ex);
        }
        finally
        {
            if (temp is not null)
            {
                TryDelete(temp);
            }
        }
    }

    /// <inheritdoc />
    public async Task<StoredObject> GetAsync(string key, ByteRange? range = null, CancellationToken cancellationToken = default) =>
        await TryGetAsync(key, range, cancellationToken).ConfigureAwait(false)
        ?? throw new ObjectNotFoundException(key, null, ResolveKey(key));

    /// <inheritdoc />
    /// <remarks>
    /// The file is opened once and everything (properties, bytes) comes from that handle. The path's components are
    /// checked for links before the open, and on Linux the handle's own path (<c>/proc/self/fd</c>) after it, so a link
    /// swapped in between cannot make the store serve a file outside its root.
    /// </remarks>
    public async Task<StoredObject?> TryGetAsync(string key, ByteRange? range = null, CancellationToken cancellationToken = default)
    {
        var path = ResolveKey(key);
        FileStream stream;
        try
        {
            stream = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.Open,
                Access = FileAccess.Read,
                Share = FileShare.ReadWrite | FileShare.Delete,
                Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
            });
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException
                                   || (ex is UnauthorizedAccessException && Directory.Exists(path)))
        {
            return null;
        }

        try
        {
            EnsureOpenedUnderRoot(stream, path, key);

            // Describe the version this handle reads, even if the key is replaced meanwhile.
            var length = RandomAccess.GetLength(stream.SafeFileHandle);
            var modified = File.GetLastWriteTimeUtc(stream.SafeFileHandle);
            var properties = await PropertiesAsync(key, path, length, modified, cancellationToken).ConfigureAwait(false);
            if (range is not { } requested)
            {
                return new StoredObject(stream, properties, null);
            }

            var served = requested.Resolve(length, key);
            stream.Seek(served.Offset, SeekOrigin.Begin);
            return new StoredObject(new BoundedReadStream(stream, served.Length!.Value), properties, served);
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<ObjectProperties?> HeadAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = ResolveKey(key);
        var info = new FileInfo(path);
        return info.Exists
            ? await PropertiesAsync(key, path, info.Length, info.LastWriteTimeUtc, cancellationToken).ConfigureAwait(false)
            : null;
    }

    /// <inheritdoc />
    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(File.Exists(ResolveKey(key)));
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = ResolveKey(key);
        var commitLock = CommitLock(key);
        await commitLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!File.Exists(path))
            {
                return false;
            }

            File.Delete(path);
            File.Delete(SidecarPath(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ObjectStoreException($"Could not delete '{key}' at '{path}': {ex.Message}", key, ex);
        }
        finally
        {
            commitLock.Release();
        }

        PruneEmptyDirectories(Path.GetDirectoryName(path)!);
        return true;
    }

    /// <summary>Copies <paramref name="source"/> into <paramref name="file"/>, flushes it to disk and returns the content's ETag.</summary>
    private static async Task<string> CopyAndHashAsync(Stream source, FileStream file, Action onSourceFailure, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            while (true)
            {
                int read;
                try
                {
                    read = await source.ReadAsync(buffer.AsMemory(0, CopyBufferSize), cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    onSourceFailure();
                    throw;
                }

                if (read == 0)
                {
                    break;
                }

                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }

            await file.FlushAsync(cancellationToken).ConfigureAwait(false);
            file.Flush(flushToDisk: true);

            return ETagOf(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The strong ETag of hashed content: 128 bits of SHA-256 are plenty to tell versions apart and keep headers short.</summary>
    private static string ETagOf(IncrementalHash hash) => "\"" + Convert.ToHexStringLower(hash.GetHashAndReset().AsSpan(0, 16)) + "\"";

    private static async Task<(string Path, FileStream Stream)> CreateTempFileAsync(string directory, CancellationToken cancellationToken)
    {
        // A concurrent delete may prune the directory between its creation and the file's: try again.
        for (var attempt = 1; ; attempt++)
        {
            Directory.CreateDirectory(directory);
            var temp = TempPath(directory);
            try
            {
                var stream = new FileStream(temp, new FileStreamOptions
                {
                    Mode = FileMode.CreateNew,
                    Access = FileAccess.Write,
                    Share = FileShare.None,
                    Options = FileOptions.Asynchronous,
                    BufferSize = 0,
                });
                return (temp, stream);
            }
            catch (DirectoryNotFoundException) when (attempt < 5)
            {
                await Task.Delay(attempt, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static void Commit(string key, string temp, string path, OverwriteMode mode)
    {
        if (mode == OverwriteMode.Overwrite)
        {
            File.Move(temp, path, overwrite: true);
            return;
        }

        if (!NoReplaceRename.TryMove(temp, path))
        {
            throw new ObjectAlreadyExistsException(key, null, path);
        }
    }

    private static void WriteSidecar(string dataPath, FileObjectMetadata metadata)
    {
        var sidecar = SidecarPath(dataPath);
        var temp = TempPath(Path.GetDirectoryName(dataPath)!);
        try
        {
            File.WriteAllBytes(temp, metadata.ToUtf8Json());
            File.Move(temp, sidecar, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private SemaphoreSlim CommitLock(string key) =>
        _commitLocks[(StringComparer.Ordinal.GetHashCode(key) & int.MaxValue) % LockStripes];

    private void PruneEmptyDirectories(string directory)
    {
        while (directory.Length > _rootWithSeparator.Length && directory.StartsWith(_rootWithSeparator, StringComparison.Ordinal))
        {
            try
            {
                if (Directory.EnumerateFileSystemEntries(directory).Any())
                {
                    return;
                }

                Directory.Delete(directory, recursive: false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return; // not empty any more, or gone: either way nothing left to prune here
            }

            directory = Path.GetDirectoryName(directory)!;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover temporary file is hidden from listings and harmless.
        }
    }
}
