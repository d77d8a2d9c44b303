namespace EarthData.Samples.Synthesis;

/// <summary>Typical top-of-atmosphere reflectances (0–1) per land cover and band common name.</summary>
public static class SurfaceReflectance
{
    /// <summary>Reflectance of <paramref name="cover"/> in the band whose STAC common name is <paramref name="commonName"/>.</summary>
    public static double Of(LandCover cover, string commonName)
    {
        ArgumentNullException.ThrowIfNull(commonName);
        var (blue, green, red, nir) = Spectrum(cover);
        return commonName switch
        {
            "blue" => blue,
            "green" => green,
            "red" => red,
            "nir" => nir,
            "pan" => (green + red + nir) / 3,
            _ => throw new ArgumentException($"no synthetic reflectance for band '{commonName}'", nameof(commonName)),
        };
    }

    private static (double Blue, double Green, double Red, double Nir) Spectrum(LandCover cover) => cover switch
    {
        LandCover.Water => (0.09, 0.07, 0.05, 0.02),
        LandCover.Vegetation => (0.06, 0.09, 0.05, 0.40),
        LandCover.StressedVegetation => (0.08, 0.10, 0.12, 0.22),
        LandCover.BareSoil => (0.13, 0.17, 0.22, 0.28),
        LandCover.Urban => (0.16, 0.17, 0.18, 0.21),
        LandCover.Burned => (0.05, 0.05, 0.06, 0.08),
        LandCover.Cloud => (1.05, 1.05, 1.05, 1.05),
        _ => (0, 0, 0, 0),
    };
}
