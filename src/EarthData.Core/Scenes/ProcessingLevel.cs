namespace EarthData.Core.Scenes;

/// <summary>INPE processing level of an archive product, as written in scene ids.</summary>
public enum ProcessingLevel
{
    /// <summary>Level 2: radiometrically and system-geometrically corrected.</summary>
    L2,

    /// <summary>Level 2B: level 2 refined with ground control.</summary>
    L2B,

    /// <summary>Level 3: geometrically corrected with ground control points.</summary>
    L3,

    /// <summary>Level 4: orthorectified with ground control and a terrain model.</summary>
    L4,
}
