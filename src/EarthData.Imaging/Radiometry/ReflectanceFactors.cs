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

    /// <summary>
    /// Per-head factors of a two-head camera (CBERS-4A WFI left/right optics) whose heads carry different calibration
    /// coefficients: [left, right], each in band order. Null for single-head cameras, when the heads agree (the scene
    /// factors of <see cref="TryCompute"/> then describe every pixel), or when a head lacks a coefficient.
    /// </summary>
    /// <param name="metadata">The merged scene metadata.</param>
    /// <param name="bands">The bands to convert.</param>
    public static IReadOnlyList<double[]>? ByCamera(SceneMetadata metadata, IReadOnlyList<BandSpec> bands)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(bands);
        if (metadata.Cameras.Count != 2 || metadata.SunElevation is not (> 0 and <= 90))
        {
            return null;
        }

        var date = DateOnly.FromDateTime(metadata.AcquisitionCenter);
        var heads = new double[2][];
        var differ = false;
        for (var h = 0; h < 2; h++)
        {
            heads[h] = new double[bands.Count];
            var coefficients = metadata.Cameras[h].AbsoluteCalibrationCoefficients;
            for (var i = 0; i < bands.Count; i++)
            {
                if (!coefficients.TryGetValue(bands[i].Number, out var coefficient) || !(coefficient > 0))
                {
                    return null;
                }

                heads[h][i] = ToaReflectance.Factor(coefficient, bands[i], metadata.SunElevation, date);
                differ |= h == 1 && Math.Abs(heads[1][i] - heads[0][i]) > 1e-12 * heads[0][i];
            }
        }

        return differ ? heads : null;
    }
}
