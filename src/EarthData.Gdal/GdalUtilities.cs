using EarthData.Gdal.Native;

namespace EarthData.Gdal;

/// <summary>
/// The GDAL command-line utilities as a library (gdal_utils.h). Options are the utility's arguments without the
/// program name and file names, e.g. <c>["-of", "COG", "-co", "COMPRESS=DEFLATE"]</c>. An option GDAL does not
/// understand throws <see cref="GdalException"/> with GDAL's message; a cancelled token throws
/// <see cref="OperationCanceledException"/>. Returned datasets are owned by the caller and keep their source
/// datasets' native handles open until they are closed (a VRT reads through its sources), so sources may be
/// disposed before the result.
/// </summary>
public static unsafe partial class GdalUtilities
{
    /// <summary>Converts, subsets or resamples <paramref name="source"/> (<c>gdal_translate</c>).</summary>
    /// <param name="destination">Output path (any path for MEM).</param>
    /// <param name="source">Input dataset.</param>
    /// <param name="args">gdal_translate options, e.g. <c>["-of", "GTiff", "-outsize", "50%", "50%"]</c>.</param>
    /// <param name="progress">Receives progress in [0, 1].</param>
    /// <param name="cancellationToken">Stops the operation.</param>
    public static GdalDataset Translate(
        string destination,
        GdalDataset source,
        IReadOnlyList<string> args,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(args);
        cancellationToken.ThrowIfCancellationRequested();
        GdalRuntime.EnsureInitialized();
        using var bridge = new ProgressBridge(progress, cancellationToken);
        using var scope = new GdalErrorScope();
        using var options = new TranslateOptionsHandle(
            UtilityOptions.Create(args, "gdal_translate", scope, static argv => NativeMethods.GDALTranslateOptionsNew(argv, 0)));
        NativeMethods.GDALTranslateOptionsSetProgress(options, ProgressBridge.Callback, bridge.UserData);
        int usageError;
        var sourceHandle = source.Handle;
        var result = NativeMethods.GDALTranslate(destination, sourceHandle, options, &usageError);
        return GdalDataset.Wrap(result, scope, $"gdal_translate '{source.Path}' to '{destination}'", bridge, [sourceHandle]);
    }

    /// <summary>Add-refs every source dataset and collects their raw handles for a native array argument.</summary>
    private sealed class SourceHandles : IDisposable
    {
        private readonly List<DatasetHandle> _leased = [];

        public SourceHandles(IReadOnlyList<GdalDataset> sources)
        {
            ArgumentNullException.ThrowIfNull(sources);
            if (sources.Count == 0)
            {
                throw new ArgumentException("At least one source dataset is required.", nameof(sources));
            }

            Pointers = new nint[sources.Count];
            Handles = _leased;
            try
            {
                for (var i = 0; i < sources.Count; i++)
                {
                    var source = sources[i] ?? throw new ArgumentException($"Source {i} is null.", nameof(sources));
                    var handle = source.Handle;
                    var added = false;
                    handle.DangerousAddRef(ref added);
                    _leased.Add(handle);
                    Pointers[i] = handle.DangerousGetHandle();
                }
            }
            catch
            {
                Dispose();
                throw;
            }
        }

        public nint[] Pointers { get; }

        /// <summary>The leased handles, for a result that must keep them open.</summary>
        public IReadOnlyList<DatasetHandle> Handles { get; }

        public void Dispose()
        {
            foreach (var handle in _leased)
            {
                handle.DangerousRelease();
            }

            _leased.Clear();
        }
    }
}
