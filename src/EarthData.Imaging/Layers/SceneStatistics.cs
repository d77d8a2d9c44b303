using System.Buffers;
using EarthData.Core.Stac;
using EarthData.Gdal;

namespace EarthData.Imaging.Layers;

/// <summary>
/// Per-band statistics of a scene's master COG, computed once when the scene is processed and stored with its item, so
/// that the pre-rendered pyramid and every dynamic tile are drawn with the same cuts (no tile re-estimates them).
/// </summary>
/// <remarks>
/// <para>Minimum, maximum, mean, standard deviation, valid share and the <see cref="HistogramBuckets"/>-bucket histogram are
/// exact: every pixel of the full-resolution raster is read, block by block, and only pixels the band's GDAL mask marks
/// valid count (nodata, an alpha band or a per-dataset mask) — the values <c>gdalinfo -stats</c> reports for a nodata
/// COG.</para>
/// <para>The stretch cuts (<see cref="StretchCut"/>, 2–98 % as <see cref="LayerDefinition"/>'s default) are the ones
/// <see cref="LayerRenderer.Create"/> estimated before they were stored, with the same semantics so pictures do not
/// change: percentiles of about a million pixels read from the overview level that serves a read of at most 1024
/// pixels a side (the whole raster when it is smaller), over the pixels every colour band marks valid, a saturation
/// spike at the top of the range dropped.</para>
/// </remarks>
public static class SceneStatistics
{
    /// <summary>The number of histogram buckets stored per band.</summary>
    public const int HistogramBuckets = 256;

    // The COGs' block size: a block is read once per band and stays in GDAL's cache for the mask and the values.
    private const int BlockSide = 256;

    /// <summary>Computes the statistics of every band of <paramref name="dataset"/>.</summary>
    /// <param name="dataset">The raster (the scene's COG); used only during this call, from this thread.</param>
    /// <param name="cancellationToken">Checked between rows of blocks.</param>
    /// <returns>One entry per band in band order: null for an alpha band or a band without any valid pixel.</returns>
    public static IReadOnlyList<RasterBandStatistics?> Compute(GdalDataset dataset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var results = new RasterBandStatistics?[dataset.BandCount];
        var colour = new List<int>();
        for (var b = 1; b <= dataset.BandCount; b++)
        {
            if (dataset.GetBand(b).ColorInterpretation != ColorInterpretation.Alpha)
            {
                colour.Add(b);
            }
        }

        if (colour.Count == 0)
        {
            return results;
        }

        var definition = new LayerDefinition();
        var cuts = StretchEstimator.Estimate(dataset, [.. colour], definition);
        var accumulators = colour.Select(b => new BandAccumulator(dataset.GetBand(b).DataType)).ToArray();
        Scan(dataset, colour, accumulators, histogramPass: false, cancellationToken);
        if (accumulators.Any(a => a.NeedsHistogramPass))
        {
            Scan(dataset, colour, accumulators, histogramPass: true, cancellationToken);
        }

        var pixels = (long)dataset.Width * dataset.Height;
        for (var i = 0; i < colour.Count; i++)
        {
            var cut = new StretchCut(definition.LowPercent, definition.HighPercent, cuts[i].Low, cuts[i].High);
            results[colour[i] - 1] = accumulators[i].Result(pixels, HistogramBuckets, cut);
        }

        return results;
    }

    /// <summary>
    /// Reads every band and its mask block by block (the blocks of all bands stay in GDAL's cache); a block its mask
    /// marks wholly invalid (the padding of a COG spanning whole tiles, most of its area) is not read further.
    /// </summary>
    private static void Scan(GdalDataset dataset, List<int> bands, BandAccumulator[] accumulators, bool histogramPass, CancellationToken cancellationToken)
    {
        var capacity = BlockSide * BlockSide;
        var mask = ArrayPool<byte>.Shared.Rent(capacity);
        var integers = ArrayPool<int>.Shared.Rent(capacity);
        var doubles = ArrayPool<double>.Shared.Rent(capacity);
        try
        {
            for (var y = 0; y < dataset.Height; y += BlockSide)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var rows = Math.Min(BlockSide, dataset.Height - y);
                for (var x = 0; x < dataset.Width; x += BlockSide)
                {
                    var columns = Math.Min(BlockSide, dataset.Width - x);
                    var length = columns * rows;
                    var block = mask.AsSpan(0, length);
                    var sharedMaskRead = false;
                    for (var i = 0; i < bands.Count; i++)
                    {
                        var accumulator = accumulators[i];
                        if (histogramPass && !accumulator.NeedsHistogramPass)
                        {
                            continue;
                        }

                        var band = dataset.GetBand(bands[i]);
                        ReadMask(band, x, y, columns, rows, block, ref sharedMaskRead);
                        if (!block.ContainsAnyExcept((byte)0))
                        {
                            continue;
                        }

                        if (accumulator.Counts)
                        {
                            band.Read(x, y, columns, rows, integers.AsSpan(0, length));
                            accumulator.Add(integers.AsSpan(0, length), block);
                        }
                        else
                        {
                            band.Read(x, y, columns, rows, doubles.AsSpan(0, length));
                            if (histogramPass)
                            {
                                accumulator.AddToHistogram(doubles.AsSpan(0, length), block, HistogramBuckets);
                            }
                            else
                            {
                                accumulator.Add(doubles.AsSpan(0, length), block);
                            }
                        }
                    }
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(doubles);
            ArrayPool<int>.Shared.Return(integers);
            ArrayPool<byte>.Shared.Return(mask);
        }
    }

    /// <summary>The band's mask for the block; an all-valid mask is not read, a per-dataset mask once per block.</summary>
    private static void ReadMask(GdalBand band, int x, int y, int columns, int rows, Span<byte> block, ref bool sharedMaskRead)
    {
        var flags = band.MaskFlags;
        if ((flags & MaskFlags.AllValid) != 0)
        {
            block.Fill(255);
            sharedMaskRead = false;
            return;
        }

        if ((flags & MaskFlags.PerDataset) != 0)
        {
            if (!sharedMaskRead)
            {
                band.GetMaskBand().Read(x, y, columns, rows, block);
                sharedMaskRead = true;
            }

            return;
        }

        band.GetMaskBand().Read(x, y, columns, rows, block);
        sharedMaskRead = false;
    }
}
