namespace EarthData.Gdal;

/// <summary>Describes a band's mask (<c>GMF_*</c> flags of <c>GDALGetMaskFlags</c>).</summary>
[Flags]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "Mirrors GDAL's GMF_* mask flags.")]
public enum MaskFlags
{
    /// <summary>No flag set: the mask is an explicit per-band mask.</summary>
    None = 0,

    /// <summary>All pixels are valid.</summary>
    AllValid = 0x01,

    /// <summary>The mask is shared by all bands.</summary>
    PerDataset = 0x02,

    /// <summary>The mask comes from an alpha band.</summary>
    Alpha = 0x04,

    /// <summary>The mask is derived from the nodata value.</summary>
    NoData = 0x08,
}
