using System.Globalization;
using System.Xml.Linq;
using EarthData.Core.Radiometry;

namespace EarthData.Imaging.Radiometry;

public static partial class ReflectanceVrt
{
    /// <summary>Rows per strip when a two-head seam is followed: the seam is tilted, so each strip takes its own column.</summary>
    public const int SeamStripRows = 256;

    /// <summary>
    /// Like <see cref="Apply"/>, for a two-head mosaic whose heads carry different calibrations: each band's sources are
    /// cut into strips of <see cref="SeamStripRows"/> rows, and each strip into the part west of the seam (left head's
    /// factor) and the part east of it (right head's factor). The seam column of a strip is taken at its middle row.
    /// </summary>
    /// <param name="dnVrt">A north-up VRT (with a <c>GeoTransform</c>) whose bands hold DN with nodata 0.</param>
    /// <param name="left">Reflectance per DN of the left head, one per band.</param>
    /// <param name="right">Reflectance per DN of the right head, one per band.</param>
    /// <param name="seam">The dividing line in the VRT's CRS.</param>
    /// <param name="encoding">Float32, or Int16 × 10 000.</param>
    public static void ApplyByCamera(XDocument dnVrt, IReadOnlyList<double> left, IReadOnlyList<double> right, CameraSeam seam, ReflectanceEncoding encoding)
    {
        ArgumentNullException.ThrowIfNull(dnVrt);
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        ArgumentNullException.ThrowIfNull(seam);
        ArgumentOutOfRangeException.ThrowIfNotEqual(right.Count, left.Count, nameof(right));
        var root = dnVrt.Root ?? throw new ArgumentException("The VRT is empty.", nameof(dnVrt));
        var gt = (root.Element("GeoTransform")?.Value ?? throw new ArgumentException("The VRT has no GeoTransform.", nameof(dnVrt)))
            .Split(',', StringSplitOptions.TrimEntries).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        if (gt.Length != 6 || gt[2] != 0 || gt[4] != 0)
        {
            throw new ArgumentException("The VRT is not north-up.", nameof(dnVrt));
        }

        var width = int.Parse(root.Attribute("rasterXSize")!.Value, CultureInfo.InvariantCulture);
        var height = int.Parse(root.Attribute("rasterYSize")!.Value, CultureInfo.InvariantCulture);
        Apply(dnVrt, left, encoding);
        var bands = root.Elements("VRTRasterBand").ToList();
        for (var b = 0; b < bands.Count; b++)
        {
            var ratioLeft = encoding == ReflectanceEncoding.Int16 ? left[b] / Int16Scale : left[b];
            var ratioRight = encoding == ReflectanceEncoding.Int16 ? right[b] / Int16Scale : right[b];
            foreach (var source in bands[b].Elements("ComplexSource").ToList())
            {
                if (source.Element("SrcRect")?.ToString() is { } src && source.Element("DstRect")?.ToString() is { } dst
                    && src.Replace("SrcRect", "DstRect", StringComparison.Ordinal) != dst)
                {
                    throw new ArgumentException("A source of the VRT does not map its raster one to one.", nameof(dnVrt));
                }

                var pieces = new List<XElement>();
                for (var top = 0; top < height; top += SeamStripRows)
                {
                    var rows = Math.Min(SeamStripRows, height - top);
                    var northing = gt[3] + ((top + (rows / 2.0)) * gt[5]);
                    var column = (int)Math.Clamp(Math.Round((seam.EastingAt(northing) - gt[0]) / gt[1]), 0, width);
                    AddPiece(pieces, source, 0, top, column, rows, ratioLeft);
                    AddPiece(pieces, source, column, top, width - column, rows, ratioRight);
                }

                source.ReplaceWith(pieces);
            }
        }
    }

    private static void AddPiece(List<XElement> pieces, XElement source, int x, int y, int width, int height, double ratio)
    {
        if (width <= 0 || height <= 0)
        {
            return;
        }

        // Sources of a stacked VRT map the whole raster one to one; a piece reads and writes the same window.
        var piece = new XElement(source);
        var window = new[]
        {
            new XAttribute("xOff", x), new XAttribute("yOff", y), new XAttribute("xSize", width), new XAttribute("ySize", height),
        };
        piece.Element("SrcRect")?.Remove();
        piece.Element("DstRect")?.Remove();
        piece.Element("SourceBand")!.AddAfterSelf(new XElement("SrcRect", window), new XElement("DstRect", window));
        piece.SetElementValue("ScaleRatio", Format(ratio));
        pieces.Add(piece);
    }
}
