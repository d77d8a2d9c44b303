namespace EarthData.Core.Indices;

/// <summary>The spectral indices EarthData computes from TOA reflectance.</summary>
public enum SpectralIndex
{
    /// <summary>Normalized difference vegetation index (NIR − red) / (NIR + red) (Rouse et al. 1974).</summary>
    Ndvi,

    /// <summary>Normalized difference water index (green − NIR) / (green + NIR) (McFeeters 1996).</summary>
    Ndwi,

    /// <summary>Enhanced vegetation index 2.5 (NIR − red) / (NIR + 6 red − 7.5 blue + 1) (Huete et al. 2002).</summary>
    Evi,

    /// <summary>Soil-adjusted vegetation index 1.5 (NIR − red) / (NIR + red + 0.5) (Huete 1988).</summary>
    Savi,

    /// <summary>Modified NDWI (green − SWIR1) / (green + SWIR1) (Xu 2006); needs SWIR.</summary>
    Mndwi,

    /// <summary>Normalized difference moisture index (NIR − SWIR1) / (NIR + SWIR1); needs SWIR.</summary>
    Ndmi,

    /// <summary>Normalized burn ratio (NIR − SWIR2) / (NIR + SWIR2) (Key and Benson 2006); needs SWIR.</summary>
    Nbr,
}
