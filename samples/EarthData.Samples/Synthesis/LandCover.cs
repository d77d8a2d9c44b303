namespace EarthData.Samples.Synthesis;

/// <summary>Surface classes the synthetic scenes are painted with.</summary>
public enum LandCover : byte
{
    /// <summary>Outside the imaged footprint (DN 0).</summary>
    NoData = 0,

    /// <summary>Open water: dark, NIR lowest.</summary>
    Water = 1,

    /// <summary>Green vegetation: red edge, high NIR.</summary>
    Vegetation = 2,

    /// <summary>Bare soil: bright and flat across the spectrum.</summary>
    BareSoil = 3,

    /// <summary>Built-up area: bright, grey.</summary>
    Urban = 4,

    /// <summary>Thick cloud: very bright, saturates the detector.</summary>
    Cloud = 5,

    /// <summary>Vegetation under water stress (drought scenario).</summary>
    StressedVegetation = 6,

    /// <summary>Freshly burned ground (burn scenario).</summary>
    Burned = 7,
}
