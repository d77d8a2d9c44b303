using EarthData.Gdal.Native;

namespace EarthData.Gdal;

public sealed partial class GdalDataset
{
    /// <summary>
    /// Builds overviews for all bands (internal for MEM/GTiff opened for update, otherwise an external .ovr).
    /// Overview and mask bands obtained before this call are invalidated (GDAL may close and reopen the .ovr under
    /// them): their members then throw <see cref="ObjectDisposedException"/>; get them again from the band.
    /// </summary>
    /// <param name="resampling">GDAL overview resampling name: <c>NEAREST</c>, <c>AVERAGE</c>, <c>BILINEAR</c>, <c>CUBIC</c>, <c>MODE</c>…</param>
    /// <param name="factors">Decimation factors, e.g. 2, 4, 8 (each ≥ 2).</param>
    /// <param name="progress">Receives progress in [0, 1].</param>
    /// <param name="cancellationToken">Stops the build; then <see cref="OperationCanceledException"/> is thrown.</param>
    public unsafe void BuildOverviews(
        string resampling,
        ReadOnlySpan<int> factors,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(resampling);
        if (factors.IsEmpty)
        {
            throw new ArgumentException("At least one overview factor is required.", nameof(factors));
        }

        foreach (var factor in factors)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(factor, 2, nameof(factors));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var handle = Handle;
        using var bridge = new ProgressBridge(progress, cancellationToken);
        using var scope = new GdalErrorScope();
        int result;
        try
        {
            fixed (int* list = factors)
            {
                result = NativeMethods.GDALBuildOverviews(handle, resampling, factors.Length, list, 0, null, ProgressBridge.Callback, bridge.UserData);
            }
        }
        finally
        {
            // Even a failed or cancelled build may have closed the .ovr.
            Interlocked.Increment(ref _overviewGeneration);
        }

        scope.ThrowIfFailed(result != 0, $"Building {resampling} overviews of '{Path}'", bridge);
    }
}
