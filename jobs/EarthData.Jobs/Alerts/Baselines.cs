namespace EarthData.Jobs.Alerts;

/// <summary>
/// Per-pixel baselines built from the archive of a footprint: the NDVI climatology of the season (robust low/high: the
/// 5th/95th percentiles of the clear observations, linear interpolation) for VCI, and the reference water mask (water,
/// NDWI &gt; 0, in more than half of the clear observations) for new water. All scenes must share the grid.
/// </summary>
public static class Baselines
{
    /// <summary>Low percentile of the NDVI climatology.</summary>
    public const double LowPercentile = 5;

    /// <summary>High percentile of the NDVI climatology.</summary>
    public const double HighPercentile = 95;

    /// <summary>Reference water value for "no clear observation".</summary>
    public const byte Unknown = 255;

    /// <summary>
    /// The NDVI low and high per pixel over <paramref name="history"/>; NaN where fewer than
    /// <paramref name="minimumSeasons"/> clear observations exist.
    /// </summary>
    public static (float[] Low, float[] High) NdviClimatology(IReadOnlyList<SceneReflectance> history, int minimumSeasons)
    {
        ArgumentNullException.ThrowIfNull(history);
        var n = history.Count == 0 ? 0 : history[0].Width * history[0].Height;
        var low = new float[n];
        var high = new float[n];
        var samples = new List<float>(history.Count);
        for (var i = 0; i < n; i++)
        {
            samples.Clear();
            foreach (var scene in history)
            {
                if (scene.IsClear(i))
                {
                    samples.Add((scene.Nir[i] - scene.Red[i]) / (scene.Nir[i] + scene.Red[i]));
                }
            }

            if (samples.Count < minimumSeasons)
            {
                low[i] = high[i] = float.NaN;
                continue;
            }

            samples.Sort();
            low[i] = Percentile(samples, LowPercentile);
            high[i] = Percentile(samples, HighPercentile);
        }

        return (low, high);
    }

    /// <summary>1 where the pixel was water in most clear observations, 0 where land, <see cref="Unknown"/> where never clear.</summary>
    public static byte[] ReferenceWater(IReadOnlyList<SceneReflectance> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var n = observations.Count == 0 ? 0 : observations[0].Width * observations[0].Height;
        var water = new byte[n];
        for (var i = 0; i < n; i++)
        {
            int clear = 0, wet = 0;
            foreach (var scene in observations)
            {
                if (scene.IsClear(i))
                {
                    clear++;
                    wet += scene.Green[i] - scene.Nir[i] > 0 ? 1 : 0;
                }
            }

            water[i] = clear == 0 ? Unknown : (byte)(2 * wet > clear ? 1 : 0);
        }

        return water;
    }

    private static float Percentile(List<float> sorted, double percent)
    {
        var rank = percent / 100 * (sorted.Count - 1);
        var below = (int)Math.Floor(rank);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return (float)(sorted[below] + ((sorted[above] - sorted[below]) * (rank - below)));
    }
}
