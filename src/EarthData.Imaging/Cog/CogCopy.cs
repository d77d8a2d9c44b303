using System.Globalization;
using System.Xml.Linq;
using EarthData.Gdal;

namespace EarthData.Imaging.Cog;

/// <summary>
/// The tile route's last step: the blocks GTiff, every level filled, copied to the COG by the GTiff driver with
/// <c>COPY_SRC_OVERVIEWS=YES</c> and exactly the options GDAL 3.6's COG driver would pass it
/// (<see cref="CogCreationOptions.ForGTiffCopy(CogRequest, CogLayout, GdalDataType)"/>), so the file is the COG driver's, layout, ghost header and
/// <c>TILING_SCHEME</c> metadata included. The COG driver itself, handed a raster already on its grid, still walks the
/// whole padded raster; the GTiff driver reads the blocks GTiff's sparse blocks as empty without decoding anything.
/// The metadata GDAL's warper kept from the source (band descriptions, colour interpretation, nodata, scale/offset,
/// dataset and band items) is written onto the blocks GTiff, which is then copied directly; where the GTiff cannot hold
/// it as the warped VRT has it (GDAL 3.6 reads the first band of a grey TIFF as <c>Gray</c> even when set to
/// <c>Undefined</c>), the copy reads the blocks through a VRT carrying the warped VRT's metadata instead (slower: a VRT
/// hides which blocks are sparse).
/// </summary>
internal static class CogCopy
{
    // The GTiff driver always reports this item; GDAL's warped VRTs do not carry it.
    private const string AreaOrPoint = "AREA_OR_POINT";

    /// <summary>Copies the metadata of <paramref name="warped"/> onto <paramref name="blocks"/> (open for update).</summary>
    public static void TransferMetadata(GdalDataset warped, GdalDataset blocks)
    {
        foreach (var (key, value) in warped.GetMetadata())
        {
            blocks.SetMetadataItem(key, value);
        }

        for (var i = 1; i <= warped.BandCount; i++)
        {
            var from = warped.GetBand(i);
            var to = blocks.GetBand(i);
            if (!string.IsNullOrEmpty(from.Description))
            {
                to.Description = from.Description;
            }

            to.ColorInterpretation = from.ColorInterpretation;
            if (from.NoDataValue is { } noData)
            {
                to.NoDataValue = noData;
            }

            if (from.Scale != 1 || from.Offset != 0)
            {
                to.Scale = from.Scale;
                to.Offset = from.Offset;
            }

            foreach (var (key, value) in from.GetMetadata())
            {
                to.SetMetadataItem(key, value);
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="blocks"/> (reopened) describes itself exactly as <paramref name="warped"/> does: same
    /// dataset and band metadata items in the same order, descriptions, colour interpretations, nodata, scale/offset.
    /// </summary>
    public static bool HoldsMetadataOf(GdalDataset warped, GdalDataset blocks)
    {
        var expected = warped.GetMetadata();
        var actual = blocks.GetMetadata().Where(e => e.Key != AreaOrPoint || expected.ContainsKey(AreaOrPoint));
        if (!SameItems(expected, actual))
        {
            return false;
        }

        for (var i = 1; i <= warped.BandCount; i++)
        {
            var a = warped.GetBand(i);
            var b = blocks.GetBand(i);
            if ((a.Description ?? string.Empty) != (b.Description ?? string.Empty) || a.ColorInterpretation != b.ColorInterpretation
                || !SameNoData(a.NoDataValue, b.NoDataValue) || a.Scale != b.Scale || a.Offset != b.Offset
                || !SameItems(a.GetMetadata(), b.GetMetadata()))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Writes the COG at <paramref name="destination"/> from the blocks GTiff at <paramref name="blocksPath"/> (closed,
    /// metadata transferred); reads through a metadata VRT in <paramref name="scope"/> when the GTiff does not hold the
    /// warped VRT's metadata. Returns whether it copied the GTiff directly.
    /// </summary>
    public static bool Write(string blocksPath, GdalDataset warped, CogLayout layout, CogRequest request, string destination,
        VsiMemScope scope, IProgress<double> progress, CancellationToken cancellationToken)
    {
        using var blocks = GdalDataset.Open(blocksPath);
        var direct = HoldsMetadataOf(warped, blocks);
        using var wrapper = direct ? null : GdalDataset.Open(WriteWrapper(warped.Path, blocksPath, layout, scope.GetPath("blocks.vrt")));
        var source = wrapper ?? blocks;
        var options = CogCreationOptions.ForGTiffCopy(request, layout, source.GetBand(1).DataType);
        using var cog = GdalDataset.CreateCopy("GTiff", destination, source, options, progress, cancellationToken);
        cog.Close();
        return direct;
    }

    /// <summary>
    /// A plain VRT with the warped VRT's georeferencing and metadata (dataset and bands) whose pixels are the blocks
    /// GTiff's; GDAL exposes the GTiff's overviews as the VRT's (implicit overviews of full-raster simple sources).
    /// </summary>
    private static string WriteWrapper(string warpedPath, string blocksPath, CogLayout layout, string wrapperPath)
    {
        var document = XDocument.Parse(System.Text.Encoding.UTF8.GetString(VsiMem.ReadAllBytes(warpedPath)));
        var root = document.Root ?? throw new GdalException($"'{warpedPath}' is an empty VRT.");
        root.Attribute("subClass")?.Remove();
        root.Elements().Where(e => e.Name.LocalName is "BlockXSize" or "BlockYSize" or "GDALWarpOptions" or "OverviewList").Remove();
        var width = layout.Width.ToString(CultureInfo.InvariantCulture);
        var height = layout.Height.ToString(CultureInfo.InvariantCulture);
        foreach (var band in root.Elements("VRTRasterBand"))
        {
            band.Attribute("subClass")?.Remove();
            band.Add(new XElement("SimpleSource",
                new XElement("SourceFilename", new XAttribute("relativeToVRT", "0"), blocksPath),
                new XElement("SourceBand", (string?)band.Attribute("band")),
                new XElement("SrcRect", new XAttribute("xOff", 0), new XAttribute("yOff", 0), new XAttribute("xSize", width), new XAttribute("ySize", height)),
                new XElement("DstRect", new XAttribute("xOff", 0), new XAttribute("yOff", 0), new XAttribute("xSize", width), new XAttribute("ySize", height))));
        }

        VsiMem.WriteFile(wrapperPath, System.Text.Encoding.UTF8.GetBytes(document.ToString()));
        return wrapperPath;
    }

    private static bool SameItems(IEnumerable<KeyValuePair<string, string>> a, IEnumerable<KeyValuePair<string, string>> b) => a.SequenceEqual(b);

    private static bool SameNoData(double? a, double? b) =>
        (a, b) switch
        {
            (null, null) => true,
            ({ } x, { } y) => x.Equals(y),
            _ => false,
        };
}
