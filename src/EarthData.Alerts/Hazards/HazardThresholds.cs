namespace EarthData.Alerts.Hazards;

/// <summary>
/// The configurable thresholds of the hazard rules (configuration section <c>EarthData:Alerts</c>). Defaults and
/// sources: drought VCI classes of Kogan (1995); burn dNBR classes of Key and Benson (2006, FIREMON); flood water by
/// NDWI > 0 (McFeeters 1996) or Otsu's threshold per scene.
/// </summary>
public sealed record HazardThresholds
{
    /// <summary>VCI below this is drought (Kogan "moderate").</summary>
    public double VciModerate { get; init; } = 35;

    /// <summary>VCI below this is severe drought.</summary>
    public double VciSevere { get; init; } = 20;

    /// <summary>VCI below this is extreme drought.</summary>
    public double VciExtreme { get; init; } = 10;

    /// <summary>A drought is raised when more than this share of the valid pixels is in drought.</summary>
    public double DroughtAffectedShare { get; init; } = 0.30;

    /// <summary>Seasons of history a VCI baseline needs; with fewer no drought is raised.</summary>
    public int MinimumBaselineSeasons { get; init; } = 3;

    /// <summary>A flood is raised when new water covers at least this many km².</summary>
    public double FloodMinimumAreaKm2 { get; init; } = 1;

    /// <summary>NDWI above this is water (unless <see cref="FloodUseOtsu"/>).</summary>
    public double NdwiWater { get; init; }

    /// <summary>Use Otsu's threshold of the scene's NDWI histogram instead of <see cref="NdwiWater"/>.</summary>
    public bool FloodUseOtsu { get; init; }

    /// <summary>dNBR lower bounds of the classes low, moderate-low, moderate-high, high (Key and Benson 2006).</summary>
    public IReadOnlyList<double> DnbrClasses { get; init; } = [0.10, 0.27, 0.44, 0.66];

    /// <summary>A burn is raised when at least this many km² are burnt (dNBR ≥ the low class).</summary>
    public double BurnMinimumAreaKm2 { get; init; } = 1;

    /// <summary>Minimum mapping unit: connected regions smaller than this (km²) are dropped.</summary>
    public double MinimumMappingUnitKm2 { get; init; } = 0.1;

    /// <summary>
    /// Hysteresis: an open event is cancelled only when its measure falls below this share of the raise threshold
    /// (so an event hovering at the threshold does not flap).
    /// </summary>
    public double ClearShare { get; init; } = 0.5;

    /// <summary>Consecutive observations that must meet the raise condition before the first Alert.</summary>
    public int RaisePersistence { get; init; } = 1;

    /// <summary>Consecutive observations below the clear condition before a Cancel.</summary>
    public int ClearPersistence { get; init; } = 1;

    /// <summary>Pixels of the minimum mapping unit on a grid (at least 1).</summary>
    public int MinimumMappingPixels(HazardGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        return Math.Max(1, (int)Math.Ceiling(MinimumMappingUnitKm2 / grid.PixelAreaKm2));
    }

    /// <summary>Checks the values; throws naming the first bad one.</summary>
    public void Validate()
    {
        if (!(VciExtreme < VciSevere && VciSevere < VciModerate && VciModerate <= 100 && VciExtreme >= 0))
        {
            throw new ArgumentException("EarthData:Alerts: VCI classes must satisfy 0 ≤ extreme < severe < moderate ≤ 100");
        }

        if (DroughtAffectedShare is <= 0 or > 1 || ClearShare is <= 0 or >= 1)
        {
            throw new ArgumentException("EarthData:Alerts: DroughtAffectedShare must be in (0, 1] and ClearShare in (0, 1)");
        }

        if (DnbrClasses.Count != 4 || !DnbrClasses.Zip(DnbrClasses.Skip(1)).All(p => p.First < p.Second))
        {
            throw new ArgumentException("EarthData:Alerts: DnbrClasses needs four increasing bounds");
        }

        if (FloodMinimumAreaKm2 <= 0 || BurnMinimumAreaKm2 <= 0 || MinimumMappingUnitKm2 < 0 || RaisePersistence < 1 || ClearPersistence < 1)
        {
            throw new ArgumentException("EarthData:Alerts: areas must be positive and persistences at least 1");
        }
    }
}
