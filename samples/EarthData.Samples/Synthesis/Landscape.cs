namespace EarthData.Samples.Synthesis;

/// <summary>
/// A deterministic synthetic landscape: terrain, moisture and settlement fields laid out with
/// fractal noise and classified into <see cref="LandCover"/>. Coordinates are grid pixels of the
/// scene; <paramref name="featureSize"/> sets the size of the coarsest patches in pixels.
/// </summary>
public sealed class Landscape(int seed, double featureSize)
{
    /// <summary>Terrain height below which the ground is open water.</summary>
    public const double WaterLevel = 0.36;

    /// <summary>Terrain height below which a flood submerges the ground.</summary>
    public const double FloodLevel = 0.47;

    private readonly ValueNoise _terrain = new(seed, featureSize, 5);
    private readonly ValueNoise _moisture = new(seed + 101, featureSize * 0.6, 4);
    private readonly ValueNoise _settlement = new(seed + 202, featureSize * 0.25, 3);

    /// <summary>Terrain height at a pixel, 0–1 (low is wet).</summary>
    public double Terrain(double x, double y) => _terrain.Sample(x, y);

    /// <summary>The land cover at a pixel on a cloud-free day.</summary>
    public LandCover Classify(double x, double y)
    {
        if (Terrain(x, y) < WaterLevel)
        {
            return LandCover.Water;
        }

        if (_settlement.Sample(x, y) > 0.74)
        {
            return LandCover.Urban;
        }

        return _moisture.Sample(x, y) > 0.46 ? LandCover.Vegetation : LandCover.BareSoil;
    }

    /// <summary>A cloud field for one acquisition: true where a thick cloud hides the ground.</summary>
    public static Func<double, double, bool> Clouds(int acquisitionSeed, double featureSize, double threshold = 0.72)
    {
        var field = new ValueNoise(acquisitionSeed, featureSize * 0.3, 4);
        return (x, y) => field.Sample(x, y) > threshold;
    }
}
