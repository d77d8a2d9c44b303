using EarthData.Gdal.Native;

namespace EarthData.Gdal;

public static unsafe partial class GdalUtilities
{
    /// <summary>Builds a VRT mosaic (or band stack with <c>-separate</c>) of files (<c>gdalbuildvrt</c>).</summary>
    /// <param name="destination">VRT path; written when the returned dataset is closed.</param>
    /// <param name="sourcePaths">Input file paths.</param>
    /// <param name="args">gdalbuildvrt options, e.g. <c>["-separate"]</c> or <c>[]</c>.</param>
    /// <param name="progress">Receives progress in [0, 1].</param>
    /// <param name="cancellationToken">Stops the operation.</param>
    public static GdalDataset BuildVrt(
        string destination,
        IReadOnlyList<string> sourcePaths,
        IReadOnlyList<string> args,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(sourcePaths);
        if (sourcePaths.Count == 0)
        {
            throw new ArgumentException("At least one source path is required.", nameof(sourcePaths));
        }

        using var names = CslHandle.Create(sourcePaths);
        return BuildVrtCore(destination, sourcePaths.Count, [], [], names, args, progress, cancellationToken);
    }

    /// <summary>Builds a VRT mosaic (or band stack with <c>-separate</c>) of open datasets (<c>gdalbuildvrt</c>).</summary>
    /// <param name="destination">VRT path; written when the returned dataset is closed.</param>
    /// <param name="sources">Input datasets; the VRT keeps their native datasets open until it is closed.</param>
    /// <param name="args">gdalbuildvrt options.</param>
    /// <param name="progress">Receives progress in [0, 1].</param>
    /// <param name="cancellationToken">Stops the operation.</param>
    public static GdalDataset BuildVrt(
        string destination,
        IReadOnlyList<GdalDataset> sources,
        IReadOnlyList<string> args,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        using var handles = new SourceHandles(sources);
        using var names = CslHandle.Create(null);
        return BuildVrtCore(destination, handles.Pointers.Length, handles.Pointers, handles.Handles, names, args, progress, cancellationToken);
    }

    private static GdalDataset BuildVrtCore(
        string destination,
        int sourceCount,
        nint[] sources,
        IReadOnlyList<DatasetHandle> sourceHandles,
        CslHandle names,
        IReadOnlyList<string> args,
        IProgress<double>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        cancellationToken.ThrowIfCancellationRequested();
        GdalRuntime.EnsureInitialized();
        using var bridge = new ProgressBridge(progress, cancellationToken);
        using var scope = new GdalErrorScope();
        using var options = new BuildVrtOptionsHandle(
            UtilityOptions.Create(args, "gdalbuildvrt", scope, static argv => NativeMethods.GDALBuildVRTOptionsNew(argv, 0)));
        NativeMethods.GDALBuildVRTOptionsSetProgress(options, ProgressBridge.Callback, bridge.UserData);
        int usageError;
        nint result;
        fixed (nint* sourceArray = sources)
        {
            result = NativeMethods.GDALBuildVRT(destination, sourceCount, sources.Length == 0 ? null : sourceArray, names, options, &usageError);
        }

        return GdalDataset.Wrap(result, scope, $"gdalbuildvrt '{destination}'", bridge, sourceHandles);
    }
}
