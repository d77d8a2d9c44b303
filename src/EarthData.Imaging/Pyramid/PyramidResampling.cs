namespace EarthData.Imaging.Pyramid;

/// <summary>How <see cref="TileDownsampler"/> reduces four child tiles to their parent (names as in <c>gdaladdo -r</c>).</summary>
public enum PyramidResampling
{
    /// <summary>Alpha-weighted mean of each 2×2 block (the default): transparent pixels do not darken the result.</summary>
    Average = 0,

    /// <summary>The top-left pixel of each 2×2 block.</summary>
    Near,

    /// <summary>Triangle filter scaled to the 2× reduction (4 taps per axis, weights 1 3 3 1), alpha-premultiplied.</summary>
    Bilinear,

    /// <summary>Catmull-Rom cubic (a = −0.5) scaled to the 2× reduction (8 taps per axis), alpha-premultiplied.</summary>
    Cubic,

    /// <summary>The most frequent colour among the visible pixels of each 2×2 block (for class maps).</summary>
    Mode,
}
