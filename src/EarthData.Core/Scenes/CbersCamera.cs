namespace EarthData.Core.Scenes;

/// <summary>A CBERS camera product line, named as in archive scene ids.</summary>
public enum CbersCamera
{
    /// <summary>Multispectral camera (CBERS-4 and CBERS-4A).</summary>
    Mux,

    /// <summary>Advanced wide-field imager (CBERS-4).</summary>
    Awfi,

    /// <summary>Panchromatic and multispectral camera, 5 m panchromatic product (CBERS-4).</summary>
    Pan5M,

    /// <summary>Panchromatic and multispectral camera, 10 m multispectral product (CBERS-4).</summary>
    Pan10M,

    /// <summary>Wide-field imager (CBERS-4A).</summary>
    Wfi,

    /// <summary>Wide-scan multispectral and panchromatic camera (CBERS-4A).</summary>
    Wpm,
}
