namespace EarthData.Core.Scenes;

/// <summary>
/// One spectral band of a CBERS camera product as delivered in the archive (published instrument values).
/// Wavelengths in micrometres, ground sample distance in metres; samples are digital numbers with
/// <see cref="NoData"/> marking pixels outside the image.
/// </summary>
/// <param name="Number">INPE band number (the <c>BAND{n}</c> of file names).</param>
/// <param name="CommonName">STAC <c>eo:common_name</c>: <c>pan</c>, <c>blue</c>, <c>green</c>, <c>red</c> or <c>nir</c>.</param>
/// <param name="MinWavelength">Lower edge of the spectral range, µm.</param>
/// <param name="MaxWavelength">Upper edge of the spectral range, µm.</param>
/// <param name="Gsd">Ground sample distance, metres.</param>
/// <param name="SampleType">Pixel data type of the archive GeoTIFF.</param>
/// <param name="MaxValue">Largest valid digital number (255 for 8-bit, 1023 for 10-bit products).</param>
public sealed record BandSpec(int Number, string CommonName, double MinWavelength, double MaxWavelength, double Gsd, SampleType SampleType, int MaxValue)
{
    /// <summary>Band asset name as used by the public CBERS catalogues: <c>B{n}</c>.</summary>
    public string Name => "B" + Number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Centre of the spectral range, µm (STAC <c>eo:center_wavelength</c>).</summary>
    public double CenterWavelength => Math.Round((MinWavelength + MaxWavelength) / 2, 4);

    /// <summary>Width of the spectral range, µm (STAC <c>eo:full_width_half_max</c>).</summary>
    public double FullWidthHalfMax => Math.Round(MaxWavelength - MinWavelength, 4);

    /// <summary>Digital number marking pixels without data (0 in every CBERS archive product).</summary>
    public int NoData { get; init; }
}
