using System.Globalization;
using System.Xml.Linq;

namespace EarthData.Imaging.Radiometry;

/// <summary>
/// Turns a VRT of digital numbers into a VRT of TOA reflectance. The conversion is linear, so each band's sources
/// become <c>ComplexSource</c>s with <c>&lt;ScaleRatio&gt;</c> = factor and <c>&lt;NODATA&gt;0&lt;/NODATA&gt;</c>:
/// DN 0 stays nodata (0 in the output, which no valid DN ≥ 1 can produce) and GDAL's nodata mask stays right.
/// </summary>
public static partial class ReflectanceVrt
{
    /// <summary>Reflectance units per stored Int16 count.</summary>
    public const double Int16Scale = 1e-4;

    /// <summary>The nodata value of reflectance bands (both encodings).</summary>
    public const double NoData = 0;

    /// <summary>
    /// Rewrites <paramref name="dnVrt"/> (as written by <c>gdalbuildvrt</c> or <c>gdal_translate -of VRT</c>) in place.
    /// </summary>
    /// <param name="dnVrt">A VRT whose bands hold digital numbers with nodata 0.</param>
    /// <param name="factors">Reflectance per DN, one per VRT band in band order.</param>
    /// <param name="encoding">Float32 reflectance, or Int16 reflectance × 10 000 with scale 1e-4.</param>
    /// <exception cref="ArgumentException">The number of factors differs from the number of bands, or a band has no source.</exception>
    public static void Apply(XDocument dnVrt, IReadOnlyList<double> factors, ReflectanceEncoding encoding)
    {
        ArgumentNullException.ThrowIfNull(dnVrt);
        ArgumentNullException.ThrowIfNull(factors);
        var bands = dnVrt.Root?.Elements("VRTRasterBand").ToList() ?? [];
        if (bands.Count != factors.Count)
        {
            throw new ArgumentException($"The VRT has {bands.Count} bands but {factors.Count} factors were given.", nameof(factors));
        }

        for (var i = 0; i < bands.Count; i++)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(factors[i], nameof(factors));
            var ratio = encoding == ReflectanceEncoding.Int16 ? factors[i] / Int16Scale : factors[i];
            ConvertBand(bands[i], ratio, encoding);
        }
    }

    private static void ConvertBand(XElement band, double ratio, ReflectanceEncoding encoding)
    {
        band.SetAttributeValue("dataType", encoding == ReflectanceEncoding.Int16 ? "Int16" : "Float32");
        band.SetElementValue("NoDataValue", Format(NoData));
        if (encoding == ReflectanceEncoding.Int16)
        {
            band.SetElementValue("Offset", "0");
            band.SetElementValue("Scale", Format(Int16Scale));
        }

        var sources = band.Elements().Where(e => e.Name.LocalName is "SimpleSource" or "ComplexSource").ToList();
        if (sources.Count == 0)
        {
            throw new ArgumentException($"VRT band {band.Attribute("band")?.Value} has no simple or complex source.", nameof(band));
        }

        foreach (var source in sources)
        {
            source.Name = "ComplexSource";
            source.SetElementValue("ScaleOffset", "0");
            source.SetElementValue("ScaleRatio", Format(ratio));
            source.SetElementValue("NODATA", "0");
        }
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
