using EarthData.Gdal.Native;

namespace EarthData.Gdal;

/// <summary>
/// GDAL's process-global in-memory file system (<c>/vsimem/</c>). Name files per job
/// (<see cref="CreatePath"/>) and delete them in <c>finally</c>, or use a <see cref="VsiMemScope"/>.
/// All methods accept only paths under <c>/vsimem/</c>.
/// </summary>
public static unsafe class VsiMem
{
    /// <summary>The directory every <see cref="CreatePath"/> path lives under.</summary>
    public const string Root = "/vsimem/earthdata";

    private const int StatExistsFlag = 0x1;
    private const int SeekSet = 0;
    private const int SeekEnd = 2;

    /// <summary>
    /// A unique path <c>/vsimem/earthdata/{guid}/{fileName}</c>; its directory is created, so
    /// <see cref="DeleteDirectory"/> on it removes the file and any sidecars GDAL writes next to it.
    /// </summary>
    public static string CreatePath(string fileName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        var path = $"{Root}/{Guid.NewGuid():N}/{fileName}";
        CreateDirectory(ParentOf(path)!);
        return path;
    }

    /// <summary>Creates or replaces an in-memory file with a copy of <paramref name="data"/>.</summary>
    public static void WriteFile(string path, ReadOnlySpan<byte> data)
    {
        CheckPath(path);
        GdalRuntime.EnsureInitialized();
        if (ParentOf(path) is { } parent)
        {
            CreateDirectory(parent);
        }

        var buffer = NativeMethods.VSIMalloc((nuint)Math.Max(data.Length, 1));
        if (buffer == 0)
        {
            throw new InsufficientMemoryException($"VSIMalloc of {data.Length} bytes failed for '{path}'.");
        }

        data.CopyTo(new Span<byte>((void*)buffer, data.Length));
        using var scope = new GdalErrorScope();
        var file = NativeMethods.VSIFileFromMemBuffer(path, buffer, (ulong)data.Length, 1);
        if (file == 0)
        {
            NativeMethods.VSIFree(buffer);
            throw scope.CreateException($"Cannot create '{path}'");
        }

        // GDAL owns the buffer now; closing the handle keeps the file.
        _ = NativeMethods.VSIFCloseL(file);
    }

    /// <summary>
    /// A copy of an in-memory file's bytes (empty for an empty file). Reads through a GDAL file handle, which keeps
    /// the file's memory alive while it is copied even if another thread replaces or deletes the file meanwhile.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="IOException">The file is larger than an array can hold, or could not be read.</exception>
    public static byte[] ReadAllBytes(string path)
    {
        CheckPath(path);
        GdalRuntime.EnsureInitialized();
        var file = NativeMethods.VSIFOpenL(path, "rb");
        if (file == 0)
        {
            throw new FileNotFoundException($"'{path}' does not exist in /vsimem.", path);
        }

        try
        {
            if (NativeMethods.VSIFSeekL(file, 0, SeekEnd) != 0)
            {
                throw new IOException($"Cannot seek in '{path}'.");
            }

            var length = NativeMethods.VSIFTellL(file);
            if (length > (ulong)Array.MaxLength)
            {
                throw new IOException($"'{path}' holds {length} bytes, more than an array can hold.");
            }

            var result = GC.AllocateUninitializedArray<byte>((int)length);
            if (NativeMethods.VSIFSeekL(file, 0, SeekSet) != 0)
            {
                throw new IOException($"Cannot seek in '{path}'.");
            }

            fixed (byte* data = result)
            {
                var read = result.Length == 0 ? 0 : NativeMethods.VSIFReadL(data, 1, (nuint)result.Length, file);
                if (read != (nuint)result.Length)
                {
                    throw new IOException($"Read {read} of {result.Length} bytes of '{path}'.");
                }
            }

            return result;
        }
        finally
        {
            _ = NativeMethods.VSIFCloseL(file);
        }
    }

    /// <summary>Whether a file or directory exists.</summary>
    public static bool Exists(string path)
    {
        CheckPath(path);
        GdalRuntime.EnsureInitialized();

        // Room for struct stat64 on any 64-bit Linux (144 bytes on x86-64).
        var stat = stackalloc byte[512];
        return NativeMethods.VSIStatExL(path, stat, StatExistsFlag) == 0;
    }

    /// <summary>Deletes a file; does nothing when it does not exist.</summary>
    /// <exception cref="IOException">The file exists but could not be deleted.</exception>
    public static void Delete(string path)
    {
        CheckPath(path);
        GdalRuntime.EnsureInitialized();
        if (NativeMethods.VSIUnlink(path) != 0 && Exists(path))
        {
            throw new IOException($"Cannot delete '{path}'.");
        }
    }

    /// <summary>Deletes a directory and everything under it; does nothing when it does not exist.</summary>
    /// <exception cref="IOException">The directory exists but could not be deleted.</exception>
    public static void DeleteDirectory(string path)
    {
        CheckPath(path);
        GdalRuntime.EnsureInitialized();
        if (NativeMethods.VSIRmdirRecursive(path.TrimEnd('/')) != 0 && Exists(path))
        {
            throw new IOException($"Cannot delete directory '{path}'.");
        }
    }

    /// <summary>Creates a directory and its parents (explicit directories are what listing and recursive delete see).</summary>
    internal static void CreateDirectory(string path)
    {
        CheckPath(path);
        GdalRuntime.EnsureInitialized();
        if (NativeMethods.VSIMkdirRecursive(path.TrimEnd('/'), 0x1ED) != 0 && !Exists(path))
        {
            throw new IOException($"Cannot create directory '{path}'.");
        }
    }

    /// <summary>The parent directory of a /vsimem path, or null for a file directly under /vsimem.</summary>
    internal static string? ParentOf(string path)
    {
        var slash = path.TrimEnd('/').LastIndexOf('/');
        return slash > "/vsimem".Length ? path[..slash] : null;
    }

    private static void CheckPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!path.StartsWith("/vsimem/", StringComparison.Ordinal) || path.Length <= "/vsimem/".Length)
        {
            throw new ArgumentException($"'{path}' is not a /vsimem/ path.", nameof(path));
        }
    }
}
