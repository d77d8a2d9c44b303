using EarthData.Gdal.Native;

namespace EarthData.Gdal;

public static unsafe partial class GdalUtilities
{
    /// <summary>Reprojects and mosaics <paramref name="sources"/> into a new dataset (<c>gdalwarp</c>).</summary>
    /// <param name="destination">Output path (any path for <c>-of MEM</c>).</param>
    /// <param name="sources">Input datasets.</param>
    /// <param name="args">gdalwarp options, e.g. <c>["-t_srs", "EPSG:3857", "-r", "bilinear", "-of", "MEM"]</c>.</param>
    /// <param name="progress">Receives progress in [0, 1].</param>
    /// <param name="cancellationToken">Stops the operation.</param>
    public static GdalDataset Warp(
        string destination,
        IReadOnlyList<GdalDataset> sources,
        IReadOnlyList<string> args,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        using var handles = new SourceHandles(sources);
        var result = WarpCore(destination, null, handles, args, progress, cancellationToken, out var scope, out var bridge);
        using (scope)
        using (bridge)
        {
            return GdalDataset.Wrap(result, scope, $"gdalwarp to '{destination}'", bridge, handles.Handles);
        }
    }

    /// <summary>Warps <paramref name="sources"/> into an existing dataset (its size, CRS and geotransform are kept).</summary>
    /// <param name="destination">Dataset to write into; stays owned by the caller.</param>
    /// <param name="sources">Input datasets.</param>
    /// <param name="args">gdalwarp options (no output format or size options).</param>
    /// <param name="progress">Receives progress in [0, 1].</param>
    /// <param name="cancellationToken">Stops the operation.</param>
    public static void WarpInto(
        GdalDataset destination,
        IReadOnlyList<GdalDataset> sources,
        IReadOnlyList<string> args,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);

        // GDALWarp returns the destination handle itself: it is not wrapped again (GDAL-INTEROP rule 4).
        using var handles = new SourceHandles(sources);
        var result = WarpCore(null, destination, handles, args, progress, cancellationToken, out var scope, out var bridge);
        using (scope)
        using (bridge)
        {
            scope.ThrowIfFailed(result == 0, $"gdalwarp into '{destination.Path}'", bridge);
        }
    }

    private static nint WarpCore(
        string? destinationPath,
        GdalDataset? destination,
        SourceHandles handles,
        IReadOnlyList<string> args,
        IProgress<double>? progress,
        CancellationToken cancellationToken,
        out GdalErrorScope scope,
        out ProgressBridge bridge)
    {
        ArgumentNullException.ThrowIfNull(args);
        cancellationToken.ThrowIfCancellationRequested();
        GdalRuntime.EnsureInitialized();
        using var destinationLease = destination is null ? default : destination.Lease();
        var destinationHandle = destination is null ? 0 : destination.Handle.DangerousGetHandle();
        bridge = new ProgressBridge(progress, cancellationToken);
        scope = new GdalErrorScope();
        try
        {
            using var options = new WarpOptionsHandle(
                UtilityOptions.Create(args, "gdalwarp", scope, static argv => NativeMethods.GDALWarpAppOptionsNew(argv, 0)));
            NativeMethods.GDALWarpAppOptionsSetProgress(options, ProgressBridge.Callback, bridge.UserData);
            int usageError;
            fixed (nint* sourceArray = handles.Pointers)
            {
                return NativeMethods.GDALWarp(destinationPath, destinationHandle, handles.Pointers.Length, sourceArray, options, &usageError);
            }
        }
        catch
        {
            scope.Dispose();
            bridge.Dispose();
            throw;
        }
    }
}
