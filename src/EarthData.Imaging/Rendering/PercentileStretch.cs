using System.Numerics;

namespace EarthData.Imaging.Rendering;

/// <summary>
/// Percentile (cumulative-count) cut of a band's histogram: the low/high values used by <see cref="LinearStretch"/>
/// for true- and false-colour rendering (default 2 % – 98 %, like QGIS' cumulative count cut).
/// </summary>
/// <remarks>
/// Bins are equal-width over [min, max]; bin i covers [min + i·w, min + (i + 1)·w), the last bin includes max.
/// Nodata is excluded when the histogram is built (<see cref="Accumulate{T}(ReadOnlySpan{T}, T?, double, double, Span{long})"/>),
/// so the cut values ignore it. Within a bin, values are assumed uniformly spread (linear interpolation).
/// </remarks>
public static class PercentileStretch
{
    /// <summary>Default lower percentile.</summary>
    public const double DefaultLowPercent = 2.0;

    /// <summary>Default upper percentile.</summary>
    public const double DefaultHighPercent = 98.0;

    /// <summary>Adds samples to a histogram, skipping nodata, NaN and values outside [min, max].</summary>
    /// <typeparam name="T">Sample type (byte, short, ushort, float, …).</typeparam>
    /// <param name="samples">The band's samples.</param>
    /// <param name="nodata">The band's nodata value, or null when it has none.</param>
    /// <param name="min">Lower edge of the first bin.</param>
    /// <param name="max">Upper edge of the last bin, &gt; <paramref name="min"/>.</param>
    /// <param name="counts">The histogram to add to; its length is the number of bins.</param>
    public static void Accumulate<T>(ReadOnlySpan<T> samples, T? nodata, double min, double max, Span<long> counts)
        where T : struct, INumber<T>
    {
        ValidateRange(min, max);
        if (counts.IsEmpty)
        {
            throw new ArgumentException("The histogram needs at least one bin.", nameof(counts));
        }

        var hasNodata = nodata.HasValue;
        var nd = nodata.GetValueOrDefault();
        var bins = counts.Length;
        var scale = bins / (max - min);
        foreach (var sample in samples)
        {
            if (hasNodata && sample == nd)
            {
                continue;
            }

            var v = double.CreateTruncating(sample);
            if (!(v >= min && v <= max))
            {
                continue; // NaN or out of range
            }

            var bin = (int)((v - min) * scale);
            counts[bin < bins ? bin : bins - 1]++;
        }
    }

    /// <summary>Computes the values below which the given percentages of the counted samples lie.</summary>
    /// <param name="counts">Histogram counts over [min, max] (nodata already excluded).</param>
    /// <param name="min">Lower edge of the first bin.</param>
    /// <param name="max">Upper edge of the last bin, &gt; <paramref name="min"/>.</param>
    /// <param name="lowPercent">Lower percentile, 0 ≤ low &lt; high.</param>
    /// <param name="highPercent">Upper percentile, low &lt; high ≤ 100.</param>
    /// <returns>The cut values, Low &lt; High; (min, max) when the histogram is empty.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Percentiles or range are invalid.</exception>
    /// <exception cref="ArgumentException">The histogram has no bins or a negative count.</exception>
    public static (double Low, double High) FromHistogram(ReadOnlySpan<long> counts, double min, double max,
        double lowPercent = DefaultLowPercent, double highPercent = DefaultHighPercent)
    {
        ValidateRange(min, max);
        if (!(lowPercent >= 0 && lowPercent < highPercent && highPercent <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(lowPercent), $"Percentiles must satisfy 0 <= low < high <= 100, got {lowPercent} and {highPercent}.");
        }

        if (counts.IsEmpty)
        {
            throw new ArgumentException("The histogram needs at least one bin.", nameof(counts));
        }

        long total = 0;
        foreach (var c in counts)
        {
            if (c < 0)
            {
                throw new ArgumentException("Histogram counts must not be negative.", nameof(counts));
            }

            total += c;
        }

        if (total == 0)
        {
            return (min, max);
        }

        var width = (max - min) / counts.Length;
        var low = ValueAt(counts, total * lowPercent / 100.0, min, width);
        var high = ValueAt(counts, total * highPercent / 100.0, min, width);
        return (low, high);
    }

    private static double ValueAt(ReadOnlySpan<long> counts, double target, double min, double width)
    {
        double before = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            var c = counts[i];
            if (c > 0 && before + c >= target)
            {
                var fraction = Math.Clamp((target - before) / c, 0.0, 1.0);
                return min + ((i + fraction) * width);
            }

            before += c;
        }

        return min + (counts.Length * width);
    }

    private static void ValidateRange(double min, double max)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max) || !(max > min))
        {
            throw new ArgumentOutOfRangeException(nameof(max), $"Histogram range must be finite with max > min, got [{min}, {max}].");
        }
    }
}
