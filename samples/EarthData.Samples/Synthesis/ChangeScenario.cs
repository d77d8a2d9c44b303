namespace EarthData.Samples.Synthesis;

/// <summary>The disaster a pair of synthetic scenes shows between its before and after dates.</summary>
public enum ChangeScenario
{
    /// <summary>One scene, nothing changes.</summary>
    None,

    /// <summary>Low ground near water is flooded after the event.</summary>
    Flood,

    /// <summary>Vegetation dries out (red up, NIR down).</summary>
    Drought,

    /// <summary>Vegetation and soil burn (everything dark).</summary>
    Burn,
}
