using EarthData.Gdal.Native;

namespace EarthData.Gdal;

/// <summary>
/// An open GDAL raster dataset (owning handle). Not thread-safe: use one instance per thread, sequentially.
/// Datasets written to should be closed with <see cref="Close"/>, which reports write/flush errors;
/// <see cref="Dispose"/> closes quietly. A dataset returned by <see cref="CreateCopy"/> or <see cref="GdalUtilities"/>
/// keeps the native datasets it was made from open until it is closed itself, so the sources may be disposed in any
/// order (or left to the finalizer) without the result reading freed memory.
/// </summary>
public sealed partial class GdalDataset : IDisposable
{
    private const uint OpenUpdate = 0x01;
    private const uint OpenRaster = 0x02;
    private const uint OpenVerboseError = 0x40;

    private readonly DatasetHandle _handle;
    private int _overviewGeneration;

    // SafeHandle.IsClosed turns true only once the last add-ref is released (a VRT over this dataset, a lease):
    // this flag makes the dataset unusable from the moment it is disposed.
    private volatile bool _disposed;

    private GdalDataset(DatasetHandle handle)
    {
        _handle = handle;
        Path = NativeStrings.Copy(NativeMethods.GDALGetDescription(handle.DangerousGetHandle())) ?? string.Empty;
        handle.Description = Path;
    }

    /// <summary>The dataset's description: usually the path or connection string it was opened or created with.</summary>
    public string Path { get; }

    /// <summary>Whether the dataset has been closed or disposed.</summary>
    public bool IsClosed => _disposed || _handle.IsClosed;

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
            ObjectDisposedException.ThrowIf(IsClosed, this);
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
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="type"/> is <see cref="GdalDataType.Unknown"/> or not a GDAL 3.6 type.</exception>
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
        EnumGuard.ThrowIfUndefined(type, nameof(type));
        if (type == GdalDataType.Unknown)
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, "A dataset needs a pixel type.");
        }

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
            var sourceHandle = source.Handle;
            var handle = NativeMethods.GDALCreateCopy(driverHandle, path, sourceHandle, 0, options, ProgressBridge.Callback, bridge.UserData);

            // The VRT driver's copy reads through the source.
            return Wrap(handle, scope, $"Cannot copy '{source.Path}' to '{path}' with driver {driver}", bridge, [sourceHandle]);
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

        return new GdalBand(this, NativeMethods.GDALGetRasterBand(Handle, bandNumber), overviewGeneration: null);
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
    /// Idempotent. Bands obtained from this dataset become unusable. While a dataset made from this one is still open,
    /// the native close waits for it; pending writes are flushed (and their errors thrown) here all the same.
    /// </summary>
    /// <exception cref="GdalException">GDAL failed to write or flush the dataset.</exception>
    public void Close()
    {
        if (IsClosed)
        {
            return;
        }

        // Flush first: when the native close is deferred (a virtual dataset still reads this one, or a call on another
        // thread holds a lease), the write errors of GDALClose could not reach this caller.
        Exception? flushFailure = null;
        using (var scope = new GdalErrorScope())
        {
            NativeMethods.GDALFlushCache(_handle);
            if (scope.HasFailure)
            {
                flushFailure = scope.CreateException($"Closing '{Path}'");
            }
        }

        Dispose();
        if ((flushFailure ?? (_handle.IsReleased ? _handle.CloseFailure : null)) is { } failure)
        {
            throw failure;
        }
    }

    /// <summary>Closes the dataset quietly (errors while flushing are only logged). Prefer <see cref="Close"/> after writing.</summary>
    public void Dispose()
    {
        _disposed = true;
        _handle.Dispose();
    }

    /// <summary>Incremented by <see cref="BuildOverviews"/>: overview and mask bands handed out before are stale.</summary>
    internal int OverviewGeneration => Volatile.Read(ref _overviewGeneration);

    /// <summary>
    /// Wraps a handle returned inside <paramref name="scope"/>; closes it and throws when the call failed.
    /// The new dataset keeps <paramref name="sources"/> open until it is closed itself.
    /// </summary>
    internal static GdalDataset Wrap(
        nint handle, GdalErrorScope scope, string context, ProgressBridge? progress = null, IReadOnlyList<DatasetHandle>? sources = null)
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
            if (sources is not null)
            {
                owned.KeepAlive(sources);
            }
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
