using System.Globalization;
using System.Xml.Linq;
using EarthData.Core.Tiling;
using EarthData.Gdal;
using EarthData.Imaging.Pyramid;

namespace EarthData.Imaging.Cog;

/// <summary>
/// Writes the COG from native tiles warped in parallel: a warped VRT on exactly the grid GDAL's COG driver would use
/// (<see cref="CogLayout"/>, same warp options), its blocks warped once each by <see cref="CogTileRun"/> into a sparse
/// tiled GTiff whose overview levels are reduced in memory, then the COG driver copies that raster with
/// <c>OVERVIEWS=FORCE_USE_EXISTING</c>: on the grid already, it neither warps nor resamples again, and writes the
/// layout, compression and <c>TILING_SCHEME</c> metadata as before. Metadata (band descriptions, colour
/// interpretation, nodata, scale/offset, radiometry items) travels through a VRT over the GTiff that keeps everything
/// GDAL's warper copied from the source.
/// </summary>
internal static class CogTileRoute
{
    /// <summary>Whether the route applies to <paramref name="request"/>: it reduces overviews with <c>average</c> only.</summary>
    public static bool Supports(CogRequest request) =>
        !request.Overviews || string.Equals(request.OverviewResampling, "average", StringComparison.OrdinalIgnoreCase);

    /// <summary>Writes the COG of <paramref name="source"/> to <paramref name="destination"/>; false when the layout does not suit the route.</summary>
    public static bool TryWrite(GdalDataset source, CogGrid grid, CogRequest request, string destination, MonotonicProgress reporter,
        CancellationToken cancellationToken)
    {
        var layout = CogLayout.Of(source, grid, request.Overviews, cancellationToken);
        if (!layout.OverviewsAligned)
        {
            return false;
        }

        using var scope = new VsiMemScope();
        var warpedPath = scope.GetPath("warped.vrt");
        CogBlockMask mask;
        GdalDataType type;
        using (var warped = Warp(source, layout, request, warpedPath, cancellationToken))
        {
            mask = CogBlockMask.Of(warped);
            type = warped.GetBand(1).DataType;
            for (var band = 2; band <= warped.BandCount; band++)
            {
                if (warped.GetBand(band).DataType != type)
                {
                    return false;
                }
            }
        }

        WarpedTileSource.SetBlockSize(warpedPath, WebMercatorQuad.TileSize);
        var threads = request.Threads ?? Environment.ProcessorCount;
        var blocksPath = destination + ".blocks.tif";
        try
        {
            using (var target = CreateBlocks(blocksPath, layout, mask, type, threads))
            {
                new CogTileRun(warpedPath, target, layout, mask, threads, reporter.Scaled(0, 0.75), cancellationToken).Execute();
                target.Close();
            }

            var wrapperPath = scope.GetPath("blocks.vrt");
            WriteWrapper(warpedPath, blocksPath, layout, wrapperPath);
            using var wrapper = GdalDataset.Open(wrapperPath);
            var options = CogCreationOptions.For(request, grid, existingOverviews: true);
            using var cog = GdalDataset.CreateCopy("COG", destination, wrapper, options, reporter.Scaled(0.75, 0.98), cancellationToken);
            cog.Close();
        }
        finally
        {
            File.Delete(blocksPath);
        }

        return true;
    }

    /// <summary>The warped VRT on the layout's padded grid, warped as the COG driver warps (its <c>CreateReprojectedDS</c>).</summary>
    private static GdalDataset Warp(GdalDataset source, CogLayout layout, CogRequest request, string path, CancellationToken cancellationToken)
    {
        var (west, south, east, north) = layout.Extent();
        var res = CogLayout.Invariant(WebMercatorQuad.Resolution(layout.NativeZoom));
        var args = new List<string>
        {
            "-of", "VRT", "-t_srs", WebMercatorQuad.Crs,
            "-te", CogLayout.Invariant(west), CogLayout.Invariant(south), CogLayout.Invariant(east), CogLayout.Invariant(north),
            "-tr", res, res, "-r", request.WarpResampling.ToLowerInvariant(), "-wo", "SAMPLE_GRID=YES",
        };
        if (source.GetBand(1).NoDataValue is null)
        {
            args.Add("-dstalpha");
        }

        var warped = GdalUtilities.Warp(path, [source], args, null, cancellationToken);
        if (warped.Width != layout.Width || warped.Height != layout.Height)
        {
            var size = $"{warped.Width}×{warped.Height}";
            warped.Dispose();
            throw new GdalException($"The warped VRT is {size}, not the COG grid's {layout.Width}×{layout.Height}.");
        }

        warped.Close();
        return GdalDataset.Open(path);
    }

    /// <summary>The sparse tiled GTiff the blocks go to, with empty overview levels (filled by <see cref="CogTileRun"/>).</summary>
    private static GdalDataset CreateBlocks(string path, CogLayout layout, CogBlockMask mask, GdalDataType type, int threads)
    {
        var target = GdalDataset.Create("GTiff", path, layout.Width, layout.Height, mask.Bands, type,
        [
            "TILED=YES", "BLOCKXSIZE=256", "BLOCKYSIZE=256", "SPARSE_OK=TRUE", "INTERLEAVE=BAND", "BIGTIFF=IF_SAFER",
            "COMPRESS=ZSTD", "ZSTD_LEVEL=1", "NUM_THREADS=" + threads.ToString(CultureInfo.InvariantCulture),
        ]);
        try
        {
            var (west, _, _, north) = layout.Extent();
            var res = WebMercatorQuad.Resolution(layout.NativeZoom);
            target.GeoTransform = new GeoTransform(west, res, 0, north, 0, -res);
            using (var srs = SpatialReference.FromEpsg(3857))
            {
                target.SetSpatialReference(srs);
            }

            if (layout.OverviewCount > 0)
            {
                var factors = Enumerable.Range(1, layout.OverviewCount).Select(level => 1 << level).ToArray();
                target.BuildOverviews("NONE", factors);
            }

            return target;
        }
        catch
        {
            target.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A plain VRT with the warped VRT's georeferencing and metadata (dataset and bands) whose pixels are the blocks
    /// GTiff's; GDAL exposes the GTiff's overviews as the VRT's (implicit overviews of full-raster simple sources).
    /// </summary>
    private static void WriteWrapper(string warpedPath, string blocksPath, CogLayout layout, string wrapperPath)
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
    }
}
