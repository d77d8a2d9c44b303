using EarthData.Core.Scenes;

namespace EarthData.Core.Radiometry;

/// <summary>
/// Mean exo-atmospheric solar spectral irradiance (ESUN, W m⁻² µm⁻¹) over the CBERS spectral ranges,
/// integrated from the Thuillier (2003) reference spectrum over each band's range. These are the values
/// radiance is divided by to obtain top-of-atmosphere reflectance; they are the same for every CBERS camera
/// sharing a spectral range.
/// </summary>
public static class SolarIrradiance
{
    /// <summary>ESUN of a band, W m⁻² µm⁻¹.</summary>
    /// <exception cref="ArgumentException">The band's common name has no tabulated irradiance.</exception>
    public static double Of(BandSpec band)
    {
        ArgumentNullException.ThrowIfNull(band);
        return band.CommonName switch
        {
            "blue" => 1934.0,
            "green" => 1831.0,
            "red" => 1549.0,
            "nir" => 1044.0,
            // The two panchromatic ranges differ: PAN5M 0.51–0.85 µm, WPM 0.45–0.90 µm.
            "pan" => band.MinWavelength < 0.5 ? 1598.0 : 1550.0,
            _ => throw new ArgumentException($"no solar irradiance for band '{band.CommonName}'", nameof(band)),
        };
    }
}
