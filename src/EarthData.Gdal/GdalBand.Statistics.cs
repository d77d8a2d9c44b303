using EarthData.Gdal.Native;

namespace EarthData.Gdal;

public sealed partial class GdalBand
{
    /// <summary>Computes minimum, maximum, mean and standard deviation of the valid pixels.</summary>
    /// <param name="approximate">Allow GDAL to use overviews or a subsample.</param>
    /// <param name="progress">Receives progress in [0, 1].</param>
    /// <param name="cancellationToken">Stops the computation; then <see cref="OperationCanceledException"/> is thrown.</param>
    public unsafe BandStatistics ComputeStatistics(
        bool approximate,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var lease = Lease();
        using var bridge = new ProgressBridge(progress, cancellationToken);
        using var scope = new GdalErrorScope();
        double min, max, mean, stdDev;
        var result = NativeMethods.GDALComputeRasterStatistics(
            _band, approximate ? 1 : 0, &min, &max, &mean, &stdDev, ProgressBridge.Callback, bridge.UserData);
        scope.ThrowIfFailed(result != 0, Context("Computing statistics"), bridge);
        return new BandStatistics(min, max, mean, stdDev);
    }

    /// <summary>Counts pixels in <paramref name="buckets"/> equal buckets spanning [min, max).</summary>
    /// <param name="min">Lower edge of the first bucket.</param>
    /// <param name="max">Upper edge of the last bucket.</param>
    /// <param name="buckets">Number of buckets (&gt; 0).</param>
    /// <param name="includeOutOfRange">Count values below min in the first and above max in the last bucket.</param>
    /// <param name="approximate">Allow GDAL to use overviews or a subsample.</param>
    public unsafe long[] GetHistogram(double min, double max, int buckets, bool includeOutOfRange, bool approximate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(buckets);
        if (!(max > min))
        {
            throw new ArgumentOutOfRangeException(nameof(max), max, "max must be greater than min.");
        }

        var counts = new ulong[buckets];
        using var lease = Lease();
        using var scope = new GdalErrorScope();
        int result;
        fixed (ulong* data = counts)
        {
            result = NativeMethods.GDALGetRasterHistogramEx(
                _band, min, max, buckets, data, includeOutOfRange ? 1 : 0, approximate ? 1 : 0, null, 0);
        }

        scope.ThrowIfFailed(result != 0, Context("Computing the histogram"));
        var histogram = new long[buckets];
        for (var i = 0; i < buckets; i++)
        {
            histogram[i] = (long)counts[i];
        }

        return histogram;
    }
}
