using EarthData.Core.Metadata;
using EarthData.Core.Radiometry;
using EarthData.Core.Scenes;

namespace EarthData.Imaging.Radiometry;

/// <summary>
/// Per-band DN → TOA reflectance factors of a scene (ρ = DN × factor), from the INPE absolute calibration coefficients,
/// the scene's mean sun elevation and the Earth–Sun distance on the acquisition date. Thread-safe.
/// </summary>
public static class ReflectanceFactors
{
    /// <summary>The message used wherever a scene cannot be calibrated.</summary>
    public const string NoCoefficientsMessage = "no calibration coefficients: output kept in DN";

    /// <summary>
    /// Computes one factor per band, in the order given; false (and <paramref name="factors"/> empty) when any band
    /// lacks a calibration coefficient (PAN, WPM 2020) or the sun is not above the horizon.
    /// </summary>
    /// <param name="metadata">The merged scene metadata.</param>
    /// <param name="bands">The bands to convert.</param>
    /// <param name="factors">Reflectance per DN for each band.</param>
    public static bool TryCompute(SceneMetadata metadata, IReadOnlyList<BandSpec> bands, out double[] factors)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(bands);
        factors = [];
        if (metadata.SunElevation is not (> 0 and <= 90))
        {
            return false;
        }

        var date = DateOnly.FromDateTime(metadata.AcquisitionCenter);
        var result = new double[bands.Count];
        for (var i = 0; i < bands.Count; i++)
        {
            if (!metadata.CalibrationCoefficients.TryGetValue(bands[i].Number, out var coefficient) || !(coefficient > 0))
            {
                return false;
            }

            result[i] = ToaReflectance.Factor(coefficient, bands[i], metadata.SunElevation, date);
        }

        factors = result;
        return true;
    }
}
