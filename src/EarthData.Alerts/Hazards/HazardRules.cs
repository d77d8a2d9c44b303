using EarthData.Core.Alerts;

namespace EarthData.Alerts.Hazards;

/// <summary>
/// The three hazard rules over co-registered per-pixel inputs (NaN = no data). Each applies its class thresholds, the
/// minimum mapping unit (8-connected regions) and its raise condition, and grades severity by the class of the median
/// affected pixel (drought, burn) or by area (flood). Stateless and thread-safe; persistence, hysteresis and event
/// identity are <see cref="Events.EventTracker"/>'s.
/// </summary>
public sealed class HazardRules(HazardThresholds thresholds)
{
    private readonly HazardThresholds _t = Validated(thresholds);

    /// <summary>The thresholds in force.</summary>
    public HazardThresholds Thresholds => _t;

    /// <summary>
    /// Drought from VCI (0–100): pixels with VCI below the moderate class are affected; raised when their share of the
    /// valid pixels exceeds <see cref="HazardThresholds.DroughtAffectedShare"/>. Severity: Kogan class of the median
    /// affected VCI (below 35 Moderate, 20 Severe, 10 Extreme).
    /// </summary>
    public HazardFinding Drought(ReadOnlySpan<float> vci, HazardGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        grid.Check(vci.Length, nameof(vci));
        var mask = new byte[grid.Length];
        long valid = 0;
        for (var i = 0; i < vci.Length; i++)
        {
            if (float.IsNaN(vci[i]))
            {
                continue;
            }

            valid++;
            mask[i] = (byte)(vci[i] < _t.VciModerate ? 1 : 0);
        }

        var (pixels, _) = ConnectedComponents.Filter(mask, grid.Width, _t.MinimumMappingPixels(grid));
        var median = MedianWhere(vci, mask);
        var severity = float.IsNaN(median) ? AlertSeverity.Unknown
            : median < _t.VciExtreme ? AlertSeverity.Extreme : median < _t.VciSevere ? AlertSeverity.Severe : AlertSeverity.Moderate;

        var finding = new HazardFinding(Hazard.Drought, false, severity, mask, pixels, valid, pixels * grid.PixelAreaKm2);
        return finding with { Raised = finding.AffectedFraction > _t.DroughtAffectedShare };
    }

    /// <summary>
    /// Flood from NDWI and the reference water mask (1 water, 0 land, anything else unknown): new water is NDWI above the
    /// water threshold (or Otsu's) where the reference is land. Raised when it covers at least
    /// <see cref="HazardThresholds.FloodMinimumAreaKm2"/>; Moderate, Severe from 10×, Extreme from 100× that area.
    /// </summary>
    public HazardFinding Flood(ReadOnlySpan<float> ndwi, ReadOnlySpan<byte> referenceWater, HazardGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        grid.Check(ndwi.Length, nameof(ndwi));
        grid.Check(referenceWater.Length, nameof(referenceWater));
        var threshold = _t.FloodUseOtsu ? Otsu.Threshold(ndwi) : _t.NdwiWater;
        if (double.IsNaN(threshold))
        {
            threshold = _t.NdwiWater;
        }

        var mask = new byte[grid.Length];
        long valid = 0;
        for (var i = 0; i < ndwi.Length; i++)
        {
            if (float.IsNaN(ndwi[i]) || referenceWater[i] > 1)
            {
                continue;
            }

            valid++;
            mask[i] = (byte)(referenceWater[i] == 0 && ndwi[i] > threshold ? 1 : 0);
        }

        var (pixels, _) = ConnectedComponents.Filter(mask, grid.Width, _t.MinimumMappingPixels(grid));
        var area = pixels * grid.PixelAreaKm2;
        var min = _t.FloodMinimumAreaKm2;
        var severity = area >= 100 * min ? AlertSeverity.Extreme : area >= 10 * min ? AlertSeverity.Severe : area > 0 ? AlertSeverity.Moderate : AlertSeverity.Unknown;
        return new HazardFinding(Hazard.Flood, area >= min, severity, mask, pixels, valid, area);
    }

    /// <summary>
    /// Burn from dNBR (pre − post burn ratio): pixels at or above the low class are burnt. Raised when they cover at
    /// least <see cref="HazardThresholds.BurnMinimumAreaKm2"/>. Severity: class of the median burnt dNBR — low Minor,
    /// moderate-low Moderate, moderate-high Severe, high Extreme.
    /// </summary>
    public HazardFinding Burn(ReadOnlySpan<float> dnbr, HazardGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        grid.Check(dnbr.Length, nameof(dnbr));
        var classes = _t.DnbrClasses;
        var mask = new byte[grid.Length];
        long valid = 0;
        for (var i = 0; i < dnbr.Length; i++)
        {
            if (float.IsNaN(dnbr[i]))
            {
                continue;
            }

            valid++;
            mask[i] = (byte)(dnbr[i] >= classes[0] ? 1 : 0);
        }

        var (pixels, _) = ConnectedComponents.Filter(mask, grid.Width, _t.MinimumMappingPixels(grid));
        var median = MedianWhere(dnbr, mask);
        var severity = float.IsNaN(median) ? AlertSeverity.Unknown
            : median >= classes[3] ? AlertSeverity.Extreme
            : median >= classes[2] ? AlertSeverity.Severe
            : median >= classes[1] ? AlertSeverity.Moderate
            : AlertSeverity.Minor;

        var area = pixels * grid.PixelAreaKm2;
        return new HazardFinding(Hazard.Burn, area >= _t.BurnMinimumAreaKm2, severity, mask, pixels, valid, area);
    }

    /// <summary>The median of the values under the mask, NaN when the mask is empty.</summary>
    private static float MedianWhere(ReadOnlySpan<float> values, byte[] mask)
    {
        var selected = new List<float>();
        for (var i = 0; i < mask.Length; i++)
        {
            if (mask[i] != 0)
            {
                selected.Add(values[i]);
            }
        }

        if (selected.Count == 0)
        {
            return float.NaN;
        }

        selected.Sort();
        return selected[selected.Count / 2];
    }

    private static HazardThresholds Validated(HazardThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        thresholds.Validate();
        return thresholds;
    }
}
