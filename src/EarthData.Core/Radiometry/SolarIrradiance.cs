using EarthData.Core.Scenes;

namespace EarthData.Core.Radiometry;

/// <summary>
/// Mean exo-atmospheric solar spectral irradiance (ESUN, W m⁻² µm⁻¹) over the CBERS spectral ranges: the Thuillier et al.
/// (2003, Solar Physics 214:1–22, ATLAS-3/SOLSPEC composite) spectrum integrated (trapezoids, linear interpolation at the
/// band edges) over each band's range and divided by its width. One source for every value; the test suite repeats
/// the integration over the spectrum shipped in <c>tests/fixtures/solar/</c>, so a value that drifts from its derivation
/// fails there. They agree with the Disasters Charter's CBERS-4/4A calibration table (blue 1984.65, green 1823.40,
/// red 1536.38) to 0.1 %.
/// </summary>
public static class SolarIrradiance
{
    /// <summary>
    /// The band ranges ESUN is tabulated for, µm, with the integrated irradiance. The two panchromatic ranges differ:
    /// PAN5M 0.51–0.85 µm, WPM 0.45–0.90 µm.
    /// </summary>
    public static IReadOnlyList<(double MinWavelength, double MaxWavelength, double Esun)> Table { get; } =
    [
        (0.45, 0.52, 1984.6),
        (0.52, 0.59, 1825.3),
        (0.63, 0.69, 1536.0),
        (0.77, 0.89, 1048.2),
        (0.51, 0.85, 1472.7),
        (0.45, 0.90, 1485.6),
    ];

    /// <summary>ESUN of a band, W m⁻² µm⁻¹, looked up by the band's spectral range.</summary>
    /// <exception cref="ArgumentException">No irradiance is tabulated for the band's range.</exception>
    public static double Of(BandSpec band)
    {
        ArgumentNullException.ThrowIfNull(band);
        foreach (var (min, max, esun) in Table)
        {
            if (Math.Abs(min - band.MinWavelength) < 1e-6 && Math.Abs(max - band.MaxWavelength) < 1e-6)
            {
                return esun;
            }
        }

        throw new ArgumentException(
            $"no solar irradiance for band '{band.CommonName}' ({band.MinWavelength}–{band.MaxWavelength} µm)", nameof(band));
    }
}
