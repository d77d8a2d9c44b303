namespace EarthData.Samples.Synthesis;

/// <summary>
/// Where a scenario strikes: an ellipse in grid pixels, and the rule turning the before cover into the after cover.
/// </summary>
public sealed class ChangeRegion
{
    private readonly double _cx;
    private readonly double _cy;
    private readonly double _rx;
    private readonly double _ry;

    /// <summary>Creates a region for <paramref name="scenario"/> centred at (cx, cy) with radii (rx, ry) in pixels.</summary>
    public ChangeRegion(ChangeScenario scenario, double cx, double cy, double rx, double ry)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rx);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ry);
        Scenario = scenario;
        (_cx, _cy, _rx, _ry) = (cx, cy, rx, ry);
    }

    /// <summary>The scenario this region applies.</summary>
    public ChangeScenario Scenario { get; }

    /// <summary>Places a region for <paramref name="scenario"/> inside the footprint, deterministically from <paramref name="seed"/>.</summary>
    public static ChangeRegion Place(ChangeScenario scenario, SceneFootprint footprint, int seed)
    {
        ArgumentNullException.ThrowIfNull(footprint);
        var random = new Random(seed);
        var size = Math.Min(footprint.FootprintWidth, footprint.FootprintHeight);
        // Keep the ellipse well inside the imaged area so the whole event is observed.
        var cx = (footprint.Width / 2.0) + ((random.NextDouble() - 0.5) * size * 0.3);
        var cy = (footprint.Height / 2.0) + ((random.NextDouble() - 0.5) * size * 0.3);
        var rx = size * (0.16 + (random.NextDouble() * 0.06));
        var ry = size * (0.12 + (random.NextDouble() * 0.06));
        return new ChangeRegion(scenario, cx, cy, rx, ry);
    }

    /// <summary>Whether pixel (x, y) lies in the struck area.</summary>
    public bool Contains(double x, double y)
    {
        var dx = (x - _cx) / _rx;
        var dy = (y - _cy) / _ry;
        return (dx * dx) + (dy * dy) <= 1;
    }

    /// <summary>The cover after the event at pixel (x, y), given the cover before it.</summary>
    public LandCover After(LandCover before, double x, double y, Landscape landscape)
    {
        ArgumentNullException.ThrowIfNull(landscape);
        if (!Contains(x, y))
        {
            return before;
        }

        return Scenario switch
        {
            ChangeScenario.Flood when before is not LandCover.Water and not LandCover.Urban
                && landscape.Terrain(x, y) < Landscape.FloodLevel => LandCover.Water,
            ChangeScenario.Drought when before is LandCover.Vegetation => LandCover.StressedVegetation,
            ChangeScenario.Burn when before is LandCover.Vegetation or LandCover.BareSoil => LandCover.Burned,
            _ => before,
        };
    }
}
