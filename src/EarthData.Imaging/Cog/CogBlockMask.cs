using EarthData.Gdal;

namespace EarthData.Imaging.Cog;

/// <summary>
/// How the pixels of a warped COG block tell valid from empty, as GDAL's overview code reads them: an alpha band (last
/// band; a colour pixel counts where alpha ≠ 0), else per-band nodata, else every pixel is valid.
/// </summary>
/// <param name="Bands">Bands per block, alpha included.</param>
/// <param name="AlphaBand">0-based index of the alpha band, or −1.</param>
/// <param name="NoData">The nodata value of the colour bands (NaN allowed), or null.</param>
/// <param name="Integer">Whether the bands hold integers (reduced values are then rounded as GDAL stores them).</param>
internal readonly record struct CogBlockMask(int Bands, int AlphaBand, double? NoData, bool Integer)
{
    /// <summary>Pixels in one 256×256 band of a block.</summary>
    public const int BandPixels = 256 * 256;

    /// <summary>Values in one block (all bands, band-sequential).</summary>
    public int BlockLength => Bands * BandPixels;

    /// <summary>The value a colour pixel without valid data holds (nodata, or 0).</summary>
    public double Empty => NoData ?? 0;

    /// <summary>Reads the masking of <paramref name="dataset"/> (its last band is alpha when so interpreted).</summary>
    public static CogBlockMask Of(GdalDataset dataset)
    {
        var alpha = dataset.GetBand(dataset.BandCount).ColorInterpretation == ColorInterpretation.Alpha ? dataset.BandCount - 1 : -1;
        var type = dataset.GetBand(1).DataType;
        var integer = type is not (GdalDataType.Float32 or GdalDataType.Float64);
        return new CogBlockMask(dataset.BandCount, alpha, alpha < 0 ? dataset.GetBand(1).NoDataValue : null, integer);
    }

    /// <summary>Whether <paramref name="value"/> of a colour band is valid by nodata (always true without nodata).</summary>
    public bool IsValid(double value) => NoData is not { } nodata || (double.IsNaN(nodata) ? !double.IsNaN(value) : value != nodata);

    /// <summary>Whether a block (band-sequential) holds any valid pixel, i.e. must be written.</summary>
    public bool HoldsData(ReadOnlySpan<double> block)
    {
        if (AlphaBand >= 0)
        {
            return block.Slice(AlphaBand * BandPixels, BandPixels).ContainsAnyExcept(0d);
        }

        if (NoData is not { } nodata)
        {
            return true;
        }

        if (!double.IsNaN(nodata))
        {
            return block.ContainsAnyExcept(nodata);
        }

        foreach (var value in block)
        {
            if (!double.IsNaN(value))
            {
                return true;
            }
        }

        return false;
    }
}
