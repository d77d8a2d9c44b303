namespace EarthData.Imaging.Layers;

/// <summary>What a rendered tile layer shows.</summary>
public enum LayerKind
{
    /// <summary>The input's first three bands (or its one band) as stored, no stretch — what <c>gdal2tiles.py</c> draws. Byte inputs only.</summary>
    Raw,

    /// <summary>Red, green, blue by band common name, contrast-stretched.</summary>
    TrueColor,

    /// <summary>Near-infrared, red, green (vegetation shows red), contrast-stretched.</summary>
    FalseColor,

    /// <summary>One band by number, grey, contrast-stretched.</summary>
    Band,
}
