using EarthData.Core.Alerts;

namespace EarthData.Alerts.Hazards;

/// <summary>
/// What one rule found in one scene: whether the hazard condition holds, its severity, the affected pixels (mask after
/// the minimum mapping unit) and their area and share of the valid pixels.
/// </summary>
/// <param name="Hazard">The hazard.</param>
/// <param name="Raised">Whether the raise condition holds.</param>
/// <param name="Severity">Severity when raised; otherwise the severity of what was seen (Unknown when nothing).</param>
/// <param name="Mask">Affected pixels (1) of the evaluated grid.</param>
/// <param name="AffectedPixels">Pixels set in <paramref name="Mask"/>.</param>
/// <param name="ValidPixels">Pixels with data in every input.</param>
/// <param name="AreaKm2">Affected area, km².</param>
public sealed record HazardFinding(Hazard Hazard, bool Raised, AlertSeverity Severity, byte[] Mask, long AffectedPixels, long ValidPixels, double AreaKm2)
{
    /// <summary>Share of the valid pixels affected (0 when none is valid).</summary>
    public double AffectedFraction => ValidPixels == 0 ? 0 : AffectedPixels / (double)ValidPixels;
}
