using System.Globalization;
using EarthData.Core.Scenes;

namespace EarthData.Core.Radiometry;

/// <summary>
/// Flags calibrations that make top-of-atmosphere reflectance physically implausible. TOA reflectance of natural targets
/// stays below ~1 (fresh snow and bright clouds reach 0.9–1.1); a band whose largest valid DN converts above
/// <see cref="MaxPlausible"/> has a calibration coefficient that does not describe the delivered DN. The case that
/// motivated it: the CBERS-4 AWFI XML coefficients 1.4351/1.3903 give ρ ≈ 3.1 at DN 1023 and 53° sun, while the
/// published in-flight WFI gains are 0.35–0.50 W m⁻² sr⁻¹ µm⁻¹ per DN (Pinto et al. 2016, Remote Sensing 8:405): the XML
/// values are 2.9–4.0× those gains, close to 1023/255, as if they were meant for 8-bit DN.
/// </summary>
public static class ReflectancePlausibility
{
    /// <summary>The largest TOA reflectance accepted as physical.</summary>
    public const double MaxPlausible = 1.2;

    /// <summary>
    /// One message per band whose saturation DN (<see cref="BandSpec.MaxValue"/>) converts above
    /// <see cref="MaxPlausible"/> with the given factors; empty when every band is plausible.
    /// </summary>
    /// <param name="bands">The bands, in the order of <paramref name="factors"/>.</param>
    /// <param name="factors">Reflectance per DN.</param>
    public static IReadOnlyList<string> Check(IReadOnlyList<BandSpec> bands, IReadOnlyList<double> factors)
    {
        ArgumentNullException.ThrowIfNull(bands);
        ArgumentNullException.ThrowIfNull(factors);
        ArgumentOutOfRangeException.ThrowIfNotEqual(factors.Count, bands.Count, nameof(factors));
        var messages = new List<string>();
        for (var i = 0; i < bands.Count; i++)
        {
            var saturation = bands[i].MaxValue * factors[i];
            if (saturation > MaxPlausible)
            {
                messages.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"implausible reflectance: band {bands[i].Number} DN {bands[i].MaxValue} converts to {saturation:0.00} (> {MaxPlausible}); calibration coefficient suspect"));
            }
        }

        return messages;
    }
}
