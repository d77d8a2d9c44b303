namespace EarthData.Alerts.Hazards;

/// <summary>
/// Kogan's vegetation condition index: VCI = 100 (NDVI − NDVImin) / (NDVImax − NDVImin), with the per-pixel
/// climatological low and high of the same season (robust: e.g. the 5th and 95th percentiles over the history).
/// </summary>
public static class VegetationCondition
{
    /// <summary>Smallest NDVI range a pixel's climatology needs; flatter pixels (bare rock, water) get NaN.</summary>
    public const float MinimumRange = 0.05f;

    /// <summary>Writes VCI (0–100, clamped; NaN where any input is NaN or the range is too small) into <paramref name="vci"/>.</summary>
    public static void Compute(ReadOnlySpan<float> ndvi, ReadOnlySpan<float> low, ReadOnlySpan<float> high, Span<float> vci)
    {
        if (ndvi.Length != vci.Length || low.Length != vci.Length || high.Length != vci.Length)
        {
            throw new ArgumentException("The spans differ in length.", nameof(vci));
        }

        for (var i = 0; i < vci.Length; i++)
        {
            var range = high[i] - low[i];
            vci[i] = float.IsNaN(ndvi[i]) || !(range >= MinimumRange)
                ? float.NaN
                : Math.Clamp(100 * (ndvi[i] - low[i]) / range, 0, 100);
        }
    }
}
