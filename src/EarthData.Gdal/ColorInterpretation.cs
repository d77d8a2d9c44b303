namespace EarthData.Gdal;

/// <summary>How a band's values are meant to be displayed; values match GDAL's <c>GDALColorInterp</c>.</summary>
public enum ColorInterpretation
{
    /// <summary>Undefined.</summary>
    Undefined = 0,

    /// <summary>Greyscale.</summary>
    Gray = 1,

    /// <summary>Paletted (see the band's color table).</summary>
    Palette = 2,

    /// <summary>Red band of an RGB(A) image.</summary>
    Red = 3,

    /// <summary>Green band of an RGB(A) image.</summary>
    Green = 4,

    /// <summary>Blue band of an RGB(A) image.</summary>
    Blue = 5,

    /// <summary>Alpha (0 = transparent, 255 = opaque).</summary>
    Alpha = 6,

    /// <summary>Hue band of an HLS image.</summary>
    Hue = 7,

    /// <summary>Saturation band of an HLS image.</summary>
    Saturation = 8,

    /// <summary>Lightness band of an HLS image.</summary>
    Lightness = 9,

    /// <summary>Cyan band of a CMYK image.</summary>
    Cyan = 10,

    /// <summary>Magenta band of a CMYK image.</summary>
    Magenta = 11,

    /// <summary>Yellow band of a CMYK image.</summary>
    Yellow = 12,

    /// <summary>Black band of a CMYK image.</summary>
    Black = 13,

    /// <summary>Y luminance.</summary>
    YCbCrY = 14,

    /// <summary>Cb chroma.</summary>
    YCbCrCb = 15,

    /// <summary>Cr chroma.</summary>
    YCbCrCr = 16,
}
