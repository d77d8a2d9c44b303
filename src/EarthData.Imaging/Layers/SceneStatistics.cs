using System.Buffers;
using EarthData.Core.Stac;
using EarthData.Gdal;
using EarthData.Imaging.Cog;

namespace EarthData.Imaging.Layers;

/// <summary>
/// Per-band statistics of a scene's master COG, computed once when the scene is processed and stored with its item, so
/// that the pre-rendered pyramid and every dynamic tile are drawn with the same cuts (no tile re-estimates them).
/// </summary>
/// <remarks>
/// <para>Minimum, maximum, mean, standard deviation, valid share and the <see cref="HistogramBuckets"/>-bucket histogram are
/// exact: every pixel of the full-resolution raster is read, block by block, and only pixels the band's GDAL mask marks
/// valid count (nodata, an alpha band or a per-dataset mask) — the values <c>gdalinfo -stats</c> reports for a nodata
/// COG. 8- and 16-bit bands (every master COG) take one pass, which other products can share
/// (<see cref="MasterCogPass"/>); other types need a second pass for the histogram once the range is known.</para>
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

    /// <summary>Computes the statistics of every band of <paramref name="dataset"/>.</summary>
    /// <param name="dataset">The raster (the scene's COG); used only during this call, from this thread.</param>
    /// <param name="cancellationToken">Checked between rows of blocks.</param>
    /// <returns>One entry per band in band order: null for an alpha band or a band without any valid pixel.</returns>
    public static IReadOnlyList<RasterBandStatistics?> Compute(GdalDataset dataset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var scan = new Scan(dataset);
        CogBlockPass.Run(dataset, [scan], cancellationToken);
        return scan.Complete(cancellationToken);
    }

    /// <summary>
    /// The statistics as a consumer of a <see cref="CogBlockPass"/>: <see cref="ICogBlockConsumer.Add"/> takes the
    /// blocks, <see cref="Complete"/> adds the cuts (and the histogram pass of non-integer bands).
    /// </summary>
    internal sealed class Scan : ICogBlockConsumer
    {
        private readonly GdalDataset _dataset;
        private readonly int[] _colour;
        private readonly BandAccumulator[] _accumulators;
        private readonly bool _histogramPass;

        public Scan(GdalDataset dataset)
            : this(dataset, null, histogramPass: false)
        {
        }

        private Scan(GdalDataset dataset, BandAccumulator[]? accumulators, bool histogramPass)
        {
            _dataset = dataset;
            var colour = new List<int>();
            for (var b = 1; b <= dataset.BandCount; b++)
            {
                if (dataset.GetBand(b).ColorInterpretation != ColorInterpretation.Alpha)
                {
                    colour.Add(b);
                }
            }

            _colour = [.. colour];
            _accumulators = accumulators ?? [.. colour.Select(b => new BandAccumulator(dataset.GetBand(b).DataType))];
            _histogramPass = histogramPass;
        }

        public IReadOnlyList<int> Bands => _colour;

        public void Add(CogBlock block)
        {
            var mask = ArrayPool<byte>.Shared.Rent(block.Length);
            try
            {
                var valid = mask.AsSpan(0, block.Length);
                var sharedMaskRead = false;
                for (var i = 0; i < _colour.Length; i++)
                {
                    var accumulator = _accumulators[i];
                    if (_histogramPass && !accumulator.NeedsHistogramPass)
                    {
                        continue;
                    }

                    ReadMask(_dataset.GetBand(_colour[i]), block, valid, ref sharedMaskRead);
                    if (!valid.ContainsAnyExcept((byte)0))
                    {
                        continue;
                    }

                    if (_histogramPass)
                    {
                        accumulator.AddToHistogram(block.Values(_colour[i]), valid, HistogramBuckets);
                    }
                    else
                    {
                        accumulator.Add(block.Values(_colour[i]), valid);
                    }
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(mask);
            }
        }

        /// <summary>The statistics of every band (null for alpha and empty bands), once every block was added.</summary>
        public IReadOnlyList<RasterBandStatistics?> Complete(CancellationToken cancellationToken)
        {
            var results = new RasterBandStatistics?[_dataset.BandCount];
            if (_colour.Length == 0)
            {
                return results;
            }

            var definition = new LayerDefinition();
            var cuts = StretchEstimator.Estimate(_dataset, _colour, definition);
            if (_accumulators.Any(a => a.NeedsHistogramPass))
            {
                CogBlockPass.Run(_dataset, [new Scan(_dataset, _accumulators, histogramPass: true)], cancellationToken);
            }

            var pixels = (long)_dataset.Width * _dataset.Height;
            for (var i = 0; i < _colour.Length; i++)
            {
                var cut = new StretchCut(definition.LowPercent, definition.HighPercent, cuts[i].Low, cuts[i].High);
                results[_colour[i] - 1] = _accumulators[i].Result(pixels, HistogramBuckets, cut);
            }

            return results;
        }

        /// <summary>
        /// The band's mask for the block (computed by GDAL from the block it just read, in its cache); an all-valid mask
        /// is not read, a per-dataset mask once per block.
        /// </summary>
        private static void ReadMask(GdalBand band, CogBlock block, Span<byte> mask, ref bool sharedMaskRead)
        {
            var flags = band.MaskFlags;
            if ((flags & MaskFlags.AllValid) != 0)
            {
                mask.Fill(255);
                sharedMaskRead = false;
                return;
            }

            if ((flags & MaskFlags.PerDataset) != 0)
            {
                if (!sharedMaskRead)
                {
                    band.GetMaskBand().Read(block.X, block.Y, block.Columns, block.Rows, mask);
                    sharedMaskRead = true;
                }

                return;
            }

            band.GetMaskBand().Read(block.X, block.Y, block.Columns, block.Rows, mask);
            sharedMaskRead = false;
        }
    }
}
