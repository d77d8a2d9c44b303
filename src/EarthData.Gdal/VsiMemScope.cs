namespace EarthData.Gdal;

/// <summary>
/// A unique <c>/vsimem/</c> directory for one job: hands out paths under it and deletes them all on dispose.
/// Datasets opened on those paths should be closed before the scope is disposed.
/// </summary>
public sealed class VsiMemScope : IDisposable
{
    private bool _disposed;

    /// <summary>Creates a scope under a new unique directory.</summary>
    public VsiMemScope()
    {
        GdalRuntime.EnsureInitialized();
        Directory = $"{VsiMem.Root}/{Guid.NewGuid():N}";
        VsiMem.CreateDirectory(Directory);
    }

    /// <summary>The scope's directory, e.g. <c>/vsimem/earthdata/{guid}</c>.</summary>
    public string Directory { get; }

    /// <summary>A path for <paramref name="fileName"/> inside the scope's directory.</summary>
    public string GetPath(string fileName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var path = $"{Directory}/{fileName}";
        VsiMem.CreateDirectory(VsiMem.ParentOf(path)!);
        return path;
    }

    /// <summary>Deletes the directory and every file under it.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        VsiMem.DeleteDirectory(Directory);
    }
}
