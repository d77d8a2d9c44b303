using EarthData.Gdal.Native;

namespace EarthData.Gdal;

/// <summary>
/// An open GDAL raster dataset (owning handle). Not thread-safe: use one instance per thread, sequentially.
/// Datasets written to should be closed with <see cref="Close"/>, which reports write/flush errors;
/// <see cref="Dispose"/> closes quietly.
/// </summary>
public sealed partial class GdalDataset : IDisposable
{
    private const uint OpenUpdate = 0x01;
    private const uint OpenRaster = 0x02;
    private const uint OpenVerboseError = 0x40;

    private readonly DatasetHandle _handle;

    private GdalDataset(DatasetHandle handle)
    {
        _handle = handle;
        Path = NativeStrings.Copy(NativeMethods.GDALGetDescription(handle.DangerousGetHandle())) ?? string.Empty;
    }

    /// <summary>The dataset's description: usually the path or connection string it was opened or created with.</summary>
    public string Path { get; }

    /// <summary>Whether the dataset has been closed or disposed.</summary>
    public bool IsClosed => _handle.IsClosed;

    /// <summary>Short name of the driver, e.g. <c>GTiff</c>, <c>MEM</c>, <c>COG</c>.</summary>
    public string DriverName => NativeStrings.Copy(NativeMethods.GDALGetDriverShortName(NativeMethods.GDALGetDatasetDriver(Handle))) ?? string.Empty;

    /// <summary>Raster width in pixels.</summary>
    public int Width => NativeMethods.GDALGetRasterXSize(Handle);

    /// <summary>Raster height in pixels.</summary>
    public int Height => NativeMethods.GDALGetRasterYSize(Handle);

    /// <summary>Number of bands.</summary>
    public int BandCount => NativeMethods.GDALGetRasterCount(Handle);

    /// <summary>The owning handle, for this library's utilities; throws when the dataset is closed.</summary>
    internal DatasetHandle Handle
    {
        get
        {
            ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
            return _handle;
        }
    }

    /// <summary>Opens a raster dataset.</summary>
    /// <param name="path">File path, <c>/vsimem/…</c>, <c>/vsicurl/…</c> or any GDAL connection string.</param>
    /// <param name="access">Read-only (default) or update.</param>
    /// <param name="openOptions">Driver open options (<c>KEY=VALUE</c>).</param>
    /// <param name="allowedDrivers">Short names of the drivers allowed to open it; null allows all.</param>
    /// <exception cref="GdalException">GDAL cannot open the path; the message carries the path and GDAL's reason.</exception>
    public static GdalDataset Open(
        string path,
        GdalAccess access = GdalAccess.ReadOnly,
        IReadOnlyList<string>? openOptions = null,
        IReadOnlyList<string>? allowedDrivers = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        GdalRuntime.EnsureInitialized();
        var flags = OpenRaster | OpenVerboseError | (access == GdalAccess.Update ? OpenUpdate : 0);
        using var drivers = CslHandle.Create(allowedDrivers);
        using var options = CslHandle.Create(openOptions);
        using var scope = new GdalErrorScope();
        var handle = NativeMethods.GDALOpenEx(path, flags, drivers, options, 0);
        return Wrap(handle, scope, $"Cannot open '{path}'");
    }

    /// <summary>Creates a new raster dataset with a driver that supports <c>Create</c> (GTiff, MEM, VRT…).</summary>
    /// <param name="driver">Driver short name.</param>
    /// <param name="path">Destination; may be empty for MEM.</param>
    /// <param name="width">Width in pixels (&gt; 0).</param>
    /// <param name="height">Height in pixels (&gt; 0).</param>
    /// <param name="bandCount">Number of bands (≥ 0).</param>
    /// <param name="type">Pixel type of every band.</param>
    /// <param name="creationOptions">Driver creation options (<c>KEY=VALUE</c>).</param>
    /// <exception cref="GdalException">Unknown driver, or the driver failed to create the dataset.</exception>
    public static GdalDataset Create(
        string driver,
        string path,
        int width,
        int height,
        int bandCount,
        GdalDataType type,
        IReadOnlyList<string>? creationOptions = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegative(bandCount);
        var driverHandle = GdalDrivers.GetDriver(driver);
        using var options = CslHandle.Create(creationOptions);
        using var scope = new GdalErrorScope();
        var handle = NativeMethods.GDALCreate(driverHandle, path, width, height, bandCount, type, options);
        return Wrap(handle, scope, $"Cannot create '{path}' with driver {driver}");
    }

    /// <summary>Copies <paramref name="source"/> to a new dataset with any driver that can write (COG, PNG, JPEG, WEBP…).</summary>
    /// <param name="driver">Driver short name.</param>
    /// <param name="path">Destination path.</param>
    /// <param name="source">Dataset to copy.</param>
    /// <param name="creationOptions">Driver creation options (<c>KEY=VALUE</c>).</param>
    /// <param name="progress">Receives progress in [0, 1].</param>
    /// <param name="cancellationToken">Stops the copy; then <see cref="OperationCanceledException"/> is thrown.</param>
    public static GdalDataset CreateCopy(
        string driver,
        string path,
        GdalDataset source,
        IReadOnlyList<string>? creationOptions = null,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(source);
        cancellationToken.ThrowIfCancellationRequested();
        var driverHandle = GdalDrivers.GetDriver(driver);
        using var options = CslHandle.Create(creationOptions);
        using var bridge = new ProgressBridge(progress, cancellationToken);
        using var scope = new GdalErrorScope();
        unsafe
        {
            var handle = NativeMethods.GDALCreateCopy(driverHandle, path, source.Handle, 0, options, ProgressBridge.Callback, bridge.UserData);
            return Wrap(handle, scope, $"Cannot copy '{source.Path}' to '{path}' with driver {driver}", bridge);
        }
    }

    /// <summary>A band by 1-based number; the band is valid only while this dataset is open.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bandNumber"/> is not in 1..<see cref="BandCount"/>.</exception>
    public GdalBand GetBand(int bandNumber)
    {
        var count = BandCount;
        if (bandNumber < 1 || bandNumber > count)
        {
            throw new ArgumentOutOfRangeException(nameof(bandNumber), bandNumber, $"'{Path}' has bands 1 to {count}.");
        }

        return new GdalBand(this, NativeMethods.GDALGetRasterBand(Handle, bandNumber));
    }

    /// <summary>Flushes cached writes to the underlying file.</summary>
    /// <exception cref="GdalException">GDAL reported a failure while writing.</exception>
    public void FlushCache()
    {
        using var scope = new GdalErrorScope();
        NativeMethods.GDALFlushCache(Handle);
        scope.ThrowIfFailed(false, $"Flushing '{Path}'");
    }

    /// <summary>
    /// Closes the dataset, flushing pending writes, and throws when GDAL reported a failure while doing so.
    /// Idempotent. Bands obtained from this dataset become unusable.
    /// </summary>
    /// <exception cref="GdalException">GDAL failed to write or flush the dataset.</exception>
    public void Close()
    {
        if (_handle.IsClosed)
        {
            return;
        }

        using var scope = new GdalErrorScope();
        _handle.Dispose();
        scope.ThrowIfFailed(false, $"Closing '{Path}'");
    }

    /// <summary>Closes the dataset quietly (errors while flushing are only logged). Prefer <see cref="Close"/> after writing.</summary>
    public void Dispose() => _handle.Dispose();

    /// <summary>Wraps a handle returned inside <paramref name="scope"/>; closes it and throws when the call failed.</summary>
    internal static GdalDataset Wrap(nint handle, GdalErrorScope scope, string context, ProgressBridge? progress = null)
    {
        if (handle == 0)
        {
            progress?.ThrowIfCallbackFailed();
            throw scope.CreateException(context, progress);
        }

        var owned = new DatasetHandle(handle);
        try
        {
            scope.ThrowIfFailed(false, context, progress);
        }
        catch
        {
            owned.Dispose();
            throw;
        }

        return new GdalDataset(owned);
    }

    /// <summary>Keeps the handle alive while a borrowed pointer (band, SRS) is used.</summary>
    internal HandleLease Lease() => new(Handle);
}
