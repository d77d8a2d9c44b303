namespace EarthData.Core.Stac;

/// <summary>
/// Statistics of one band's valid pixels (nodata, masked and alpha-transparent pixels excluded), computed once per
/// scene when it is processed and stored with its item (see <see cref="RasterBandFields"/>), so that every tile of the
/// scene is drawn with the same <see cref="Stretch"/>. Values are in the band's units (digital numbers for the COGs).
/// </summary>
public sealed record RasterBandStatistics
{
    /// <summary>The smallest valid value.</summary>
    public required double Minimum { get; init; }

    /// <summary>The largest valid value.</summary>
    public required double Maximum { get; init; }

    /// <summary>The mean of the valid values.</summary>
    public required double Mean { get; init; }

    /// <summary>The population standard deviation of the valid values (GDAL's definition).</summary>
    public required double StdDev { get; init; }

    /// <summary>The share of the raster's pixels that are valid, in percent (0–100).</summary>
    public required double ValidPercent { get; init; }

    /// <summary>The histogram of the valid values over [<see cref="Minimum"/>, <see cref="Maximum"/>], when known.</summary>
    public BandHistogram? Histogram { get; init; }

    /// <summary>The percentile cut rendering uses, when known.</summary>
    public StretchCut? Stretch { get; init; }
}
