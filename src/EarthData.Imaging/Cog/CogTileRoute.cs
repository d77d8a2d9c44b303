using System.Globalization;
using EarthData.Core.Tiling;
using EarthData.Gdal;
using EarthData.Imaging.Pyramid;

namespace EarthData.Imaging.Cog;

/// <summary>
/// Writes the COG from native tiles warped in parallel: a warped VRT on exactly the grid GDAL's COG driver would use
/// (<see cref="CogLayout"/>, same warp options), its blocks warped once each by <see cref="CogTileRun"/> into a sparse
/// tiled GTiff whose overview levels are reduced in memory, then the GTiff driver copies that raster to the COG with
/// the options the COG driver would give it (<see cref="CogCopy"/>): no warp, no resampling, the same layout,
/// compression, ghost header and <c>TILING_SCHEME</c> metadata as GDAL's COG driver writes. Metadata (band
/// descriptions, colour interpretation, nodata, scale/offset, radiometry items) is what GDAL's warper kept from the
/// source.
/// </summary>
internal static class CogTileRoute
{
    /// <summary>
    /// The largest blocks GTiff (every level, as if each data tile were full) written uncompressed: it lives for
    /// seconds and mostly in the page cache, and skipping ZSTD there saves compressing and decoding every block once
    /// (a full MUX scene, ~380 MiB: 0.5 s of a 5.7 s COG). Larger rasters (a full AWFI scene: ~6 GiB) stay compressed
    /// so that the temporary file does not outgrow the COG by an order of magnitude.
    /// </summary>
    internal const long UncompressedBlocksLimit = 1L << 30;

    /// <summary>Whether the route applies to <paramref name="request"/>: it reduces overviews with <c>average</c> only.</summary>
    public static bool Supports(CogRequest request) =>
        !request.Overviews || string.Equals(request.OverviewResampling, "average", StringComparison.OrdinalIgnoreCase);

    /// <summary>Writes the COG of <paramref name="source"/> to <paramref name="destination"/>; false when the layout does not suit the route.</summary>
    /// <param name="source">The source raster.</param>
    /// <param name="grid">Where it lands.</param>
    /// <param name="request">The request.</param>
    /// <param name="destination">The file to write.</param>
    /// <param name="reporter">Progress.</param>
    /// <param name="copiedDirectly">Whether the final copy read the blocks GTiff directly (see <see cref="CogCopy"/>).</param>
    /// <param name="cancellationToken">Stops the write.</param>
    public static bool TryWrite(GdalDataset source, CogGrid grid, CogRequest request, string destination, MonotonicProgress reporter,
        out bool copiedDirectly, CancellationToken cancellationToken)
    {
        copiedDirectly = false;
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
            using var warped = GdalDataset.Open(warpedPath);
            using (var target = CreateBlocks(blocksPath, layout, mask, type, threads, warped))
            {
                new CogTileRun(warpedPath, target, layout, mask, threads, reporter.Scaled(0, 0.75), cancellationToken).Execute();
                target.Close();
            }

            copiedDirectly = CogCopy.Write(blocksPath, warped, layout, request, destination, scope, reporter.Scaled(0.75, 0.98), cancellationToken);
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

    /// <summary>The blocks GTiff's compression: none up to <see cref="UncompressedBlocksLimit"/>, else ZSTD level 1.</summary>
    internal static string[] BlocksCompression(CogLayout layout, CogBlockMask mask, GdalDataType type)
    {
        var native = layout.Data.Count * CogBlockMask.BandPixels * mask.Bands * type.SizeInBytes();
        var allLevels = native + (native / 3);   // each overview level a quarter of the one below
        return allLevels <= UncompressedBlocksLimit ? ["COMPRESS=NONE"] : ["COMPRESS=ZSTD", "ZSTD_LEVEL=1"];
    }

    /// <summary>
    /// The sparse tiled GTiff the blocks go to, with the warped VRT's metadata (<see cref="CogCopy.TransferMetadata"/>:
    /// before anything else, as libtiff refuses to change the photometric tags once blocks are written) and empty overview
    /// levels (filled by <see cref="CogTileRun"/>).
    /// </summary>
    private static GdalDataset CreateBlocks(string path, CogLayout layout, CogBlockMask mask, GdalDataType type, int threads, GdalDataset warped)
    {
        var target = GdalDataset.Create("GTiff", path, layout.Width, layout.Height, mask.Bands, type,
        [
            "TILED=YES", "BLOCKXSIZE=256", "BLOCKYSIZE=256", "SPARSE_OK=TRUE", "INTERLEAVE=BAND", "BIGTIFF=IF_SAFER",
            .. BlocksCompression(layout, mask, type), "NUM_THREADS=" + threads.ToString(CultureInfo.InvariantCulture),
        ]);
        try
        {
            CogCopy.TransferMetadata(warped, target);
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
}
