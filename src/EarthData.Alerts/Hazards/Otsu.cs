namespace EarthData.Alerts.Hazards;

/// <summary>Otsu's (1979) threshold: the value splitting a histogram into two classes of maximal between-class variance.</summary>
public static class Otsu
{
    /// <summary>The threshold of the non-NaN values in [<paramref name="min"/>, <paramref name="max"/>], over 256 bins.</summary>
    /// <returns>The threshold, or NaN when fewer than two distinct bins hold values.</returns>
    public static double Threshold(ReadOnlySpan<float> values, double min = -1, double max = 1)
    {
        const int Bins = 256;
        Span<long> histogram = stackalloc long[Bins];
        var width = (max - min) / Bins;
        long total = 0;
        foreach (var v in values)
        {
            if (float.IsNaN(v))
            {
                continue;
            }

            histogram[Math.Clamp((int)((v - min) / width), 0, Bins - 1)]++;
            total++;
        }

        double sumAll = 0;
        for (var i = 0; i < Bins; i++)
        {
            sumAll += i * (double)histogram[i];
        }

        double sumBelow = 0, best = -1;
        long below = 0;
        var threshold = -1;
        for (var t = 0; t < Bins - 1; t++)
        {
            below += histogram[t];
            sumBelow += t * (double)histogram[t];
            var above = total - below;
            if (below == 0 || above == 0)
            {
                continue;
            }

            var meanBelow = sumBelow / below;
            var meanAbove = (sumAll - sumBelow) / above;
            var between = below * (double)above * (meanBelow - meanAbove) * (meanBelow - meanAbove);
            if (between > best)
            {
                (best, threshold) = (between, t);
            }
        }

        return threshold < 0 ? double.NaN : min + ((threshold + 1) * width);
    }
}
