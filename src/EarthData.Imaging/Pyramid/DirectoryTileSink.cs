using EarthData.Core.Tiling;
using EarthData.Imaging.Tiling;

namespace EarthData.Imaging.Pyramid;

/// <summary>
/// Writes an XYZ tree <c>{z}/{x}/{y}.{ext}</c> into a hidden temporary folder next to the destination and moves it into
/// place on <see cref="Commit"/>, so a failed or cancelled run never leaves a partial tree that looks complete:
/// disposing without committing deletes the temporary folder.
/// </summary>
/// <remarks><see cref="Write"/> is thread-safe; <see cref="Commit"/> and <see cref="Dispose"/> are not.</remarks>
public sealed class DirectoryTileSink : ITileSink, IDisposable
{
    private bool _committed;

    /// <summary>Creates the temporary folder.</summary>
    /// <param name="destination">The folder the tree ends up in; it is replaced on commit when it exists.</param>
    /// <param name="extension">Tile file extension without the dot.</param>
    /// <exception cref="IOException">The destination's parent cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The destination's parent cannot be written.</exception>
    public DirectoryTileSink(string destination, string extension)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(destination);
        ArgumentException.ThrowIfNullOrWhiteSpace(extension);
        Destination = Path.GetFullPath(destination).TrimEnd(Path.DirectorySeparatorChar);
        Extension = extension;
        var parent = Path.GetDirectoryName(Destination) ?? throw new IOException($"'{destination}' has no parent folder.");
        Directory.CreateDirectory(parent);
        TemporaryDirectory = Path.Combine(parent, $".{Path.GetFileName(Destination)}.partial-{Guid.NewGuid():N}");
        Directory.CreateDirectory(TemporaryDirectory);
    }

    /// <summary>The final folder.</summary>
    public string Destination { get; }

    /// <summary>The folder tiles are written to until <see cref="Commit"/>.</summary>
    public string TemporaryDirectory { get; }

    /// <inheritdoc />
    public string Extension { get; }

    /// <inheritdoc />
    public void Write(TileAddress tile, ReadOnlySpan<byte> data)
    {
        ObjectDisposedException.ThrowIf(_committed, this);
        var path = Path.Combine(TemporaryDirectory, TileWriterPaths.RelativePath(tile, Extension));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.None);
        file.Write(data);
    }

    /// <summary>Writes an extra file (e.g. <c>index.html</c>) into the tree.</summary>
    /// <param name="relativePath">Path relative to the tree's root.</param>
    /// <param name="data">File contents.</param>
    public void WriteFile(string relativePath, ReadOnlySpan<byte> data)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(relativePath);
        ObjectDisposedException.ThrowIf(_committed, this);
        var path = Path.GetFullPath(Path.Combine(TemporaryDirectory, relativePath));
        if (!path.StartsWith(TemporaryDirectory + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{relativePath}' leaves the tile tree.", nameof(relativePath));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, data.ToArray());
    }

    /// <summary>Moves the finished tree to <see cref="Destination"/>, replacing what was there.</summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_committed, this);
        string? old = null;
        if (Directory.Exists(Destination))
        {
            old = Path.Combine(Path.GetDirectoryName(Destination)!, $".{Path.GetFileName(Destination)}.old-{Guid.NewGuid():N}");
            Directory.Move(Destination, old);
        }

        Directory.Move(TemporaryDirectory, Destination);
        _committed = true;
        if (old is not null)
        {
            Directory.Delete(old, recursive: true);
        }
    }

    /// <summary>Deletes the temporary folder when the tree was not committed.</summary>
    public void Dispose()
    {
        if (!_committed && Directory.Exists(TemporaryDirectory))
        {
            Directory.Delete(TemporaryDirectory, recursive: true);
        }

        _committed = true;
    }
}
