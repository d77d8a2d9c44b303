namespace EarthData.Imaging.Encoding;

/// <summary>How <see cref="PngTileEncoder"/> chooses the PNG filter of each row.</summary>
public enum PngFilterStrategy
{
    /// <summary>Per row, the filter with the smallest sum of absolute (signed) residuals — libpng's heuristic.</summary>
    Adaptive = 0,

    /// <summary>No filtering (type 0).</summary>
    None,

    /// <summary>Difference to the pixel on the left (type 1).</summary>
    Sub,

    /// <summary>Difference to the pixel above (type 2).</summary>
    Up,

    /// <summary>Difference to the mean of left and above (type 3).</summary>
    Average,

    /// <summary>Difference to the Paeth predictor (type 4).</summary>
    Paeth,
}
