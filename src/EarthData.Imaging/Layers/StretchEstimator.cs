using EarthData.Gdal;
using EarthData.Imaging.Rendering;

namespace EarthData.Imaging.Layers;

/// <summary>
/// Percentile stretches from about a million pixels of the raster, counting only pixels that every band of the layer
/// marks valid (the intersection of their mask bands — a band's nodata pixels inside another band's footprint would
/// otherwise count as dark values and pull its low cut to zero, e.g. the staggered band footprints of CBERS-4A WPM): a
/// low-resolution read of the whole raster when overviews serve it (a COG: milliseconds), otherwise full-resolution
/// windows spread over an even grid (a scene or warp source without overviews, where a decimated read would decode every
/// block — tens of seconds for a full AWFI scene).
/// </summary>
internal static class StretchEstimator
{
    private const int SampleSide = 1024;
    private const int Bins = 2048;
    private const int WindowGrid = 8;
    private const int WindowSide = SampleSide / WindowGrid;

    // The top 1 % of the value range counts as saturation when it holds more than 0.5 % of the valid pixels and
    // more than three times the pixels of the 1 % below it.
    private const double SaturationBand = 0.01;
    private const double SaturationShare = 0.005;
    private const double SpikeRatio = 3;

    public static LinearStretch[] Estimate(GdalDataset dataset, int[] bands, LayerDefinition definition)
    {
        var sampled = dataset.GetBand(bands[0]).OverviewCount == 0 && Math.Min(dataset.Width, dataset.Height) >= 2 * SampleSide;
        var (mask, planes) = sampled ? ReadWindows(dataset, bands) : ReadDecimated(dataset, bands);
        var cuts = new (double Low, double High)[bands.Length];
        for (var i = 0; i < bands.Length; i++)
        {
            cuts[i] = Percentiles(planes[i], mask, definition.LowPercent, definition.HighPercent);
        }

        return ToStretches(cuts, definition);
    }

    /// <summary>
    /// The stretches of per-band cuts under <paramref name="definition"/>: one shared cut (min of lows, max of highs)
    /// when the stretch is linked, an empty cut widened to one unit, the definition's gamma.
    /// </summary>
    internal static LinearStretch[] ToStretches((double Low, double High)[] cuts, LayerDefinition definition)
    {
        if (definition.LinkedStretch)
        {
            var low = double.MaxValue;
            var high = double.MinValue;
            foreach (var (l, h) in cuts)
            {
                low = Math.Min(low, l);
                high = Math.Max(high, h);
            }

            Array.Fill(cuts, (low, high));
        }

        var stretches = new LinearStretch[cuts.Length];
        for (var i = 0; i < cuts.Length; i++)
        {
            var (low, high) = cuts[i];
            stretches[i] = new LinearStretch(low, high > low ? high : low + 1, definition.Gamma);
        }

        return stretches;
    }

    /// <summary>The whole raster at most <see cref="SampleSide"/> pixels a side (served from overviews where there are some).</summary>
    private static (byte[] Mask, float[][] Planes) ReadDecimated(GdalDataset dataset, int[] bands)
    {
        var scale = Math.Min(1.0, (double)SampleSide / Math.Max(dataset.Width, dataset.Height));
        var width = Math.Max(1, (int)Math.Round(dataset.Width * scale));
        var height = Math.Max(1, (int)Math.Round(dataset.Height * scale));
        var mask = new byte[width * height];
        var scratch = new byte[mask.Length];
        for (var i = 0; i < bands.Length; i++)
        {
            var target = i == 0 ? mask : scratch;
            dataset.GetBand(bands[i]).GetMaskBand().Read(0, 0, dataset.Width, dataset.Height, target.AsSpan(), width, height);
            if (i > 0)
            {
                Intersect(mask, scratch);
            }
        }

        var planes = new float[bands.Length][];
        for (var i = 0; i < bands.Length; i++)
        {
            planes[i] = new float[mask.Length];
            dataset.GetBand(bands[i]).Read(0, 0, dataset.Width, dataset.Height, planes[i].AsSpan(), width, height);
        }

        return (mask, planes);
    }

    /// <summary><see cref="WindowGrid"/>² full-resolution windows of <see cref="WindowSide"/> pixels centred on an even grid.</summary>
    private static (byte[] Mask, float[][] Planes) ReadWindows(GdalDataset dataset, int[] bands)
    {
        const int window = WindowSide * WindowSide;
        var mask = new byte[WindowGrid * WindowGrid * window];
        var planes = new float[bands.Length][];
        for (var i = 0; i < bands.Length; i++)
        {
            planes[i] = new float[mask.Length];
        }

        var scratch = new byte[window];
        for (var row = 0; row < WindowGrid; row++)
        {
            var y = (int)(((row + 0.5) * dataset.Height / WindowGrid) - (WindowSide / 2));
            for (var column = 0; column < WindowGrid; column++)
            {
                var x = (int)(((column + 0.5) * dataset.Width / WindowGrid) - (WindowSide / 2));
                var offset = ((row * WindowGrid) + column) * window;
                var windowMask = mask.AsSpan(offset, window);
                for (var i = 0; i < bands.Length; i++)
                {
                    var band = dataset.GetBand(bands[i]);
                    band.GetMaskBand().Read(x, y, WindowSide, WindowSide, i == 0 ? windowMask : scratch, WindowSide, WindowSide);
                    if (i > 0)
                    {
                        Intersect(windowMask, scratch);
                    }

                    band.Read(x, y, WindowSide, WindowSide, planes[i].AsSpan(offset, window), WindowSide, WindowSide);
                }
            }
        }

        return (mask, planes);
    }

    /// <summary>Keeps in <paramref name="mask"/> only the pixels <paramref name="other"/> also marks valid.</summary>
    private static void Intersect(Span<byte> mask, ReadOnlySpan<byte> other)
    {
        for (var i = 0; i < mask.Length; i++)
        {
            if (other[i] == 0)
            {
                mask[i] = 0;
            }
        }
    }

    private static (double Low, double High) Percentiles(float[] samples, byte[] mask, double lowPercent, double highPercent)
    {
        var min = double.MaxValue;
        var max = double.MinValue;
        for (var i = 0; i < samples.Length; i++)
        {
            if (mask[i] != 0 && float.IsFinite(samples[i]))
            {
                min = Math.Min(min, samples[i]);
                max = Math.Max(max, samples[i]);
            }
        }

        if (min > max)
        {
            return (0, 255); // nothing valid: any stretch will do, the tiles are transparent
        }

        if (max <= min)
        {
            return (min, min + 1);
        }

        // Saturated detectors (thick cloud) pile up at the top of the range; left in, a few percent of cloud drags the
        // high cut to the saturation value and the land goes dark. Drop that spike from the histogram.
        // A spike, not a tail: the top band holds far more pixels than the band just below it.
        var (valid, spike, below) = (0L, 0L, 0L);
        var spikeFloor = max - ((max - min) * SaturationBand);
        var belowFloor = spikeFloor - ((max - min) * SaturationBand);
        for (var i = 0; i < samples.Length; i++)
        {
            if (mask[i] != 0 && float.IsFinite(samples[i]))
            {
                valid++;
                spike += samples[i] >= spikeFloor ? 1 : 0;
                below += samples[i] >= belowFloor && samples[i] < spikeFloor ? 1 : 0;
            }
        }

        var isSpike = spike > valid * SaturationShare && spike > SpikeRatio * below && spike < valid;
        var ceiling = isSpike ? spikeFloor : double.PositiveInfinity;
        if (!double.IsPositiveInfinity(ceiling))
        {
            max = double.MinValue;
            for (var i = 0; i < samples.Length; i++)
            {
                if (mask[i] != 0 && float.IsFinite(samples[i]) && samples[i] < ceiling)
                {
                    max = Math.Max(max, samples[i]);
                }
            }

            if (max <= min)
            {
                return (min, ceiling);
            }
        }

        Span<long> counts = new long[Bins];
        for (var i = 0; i < samples.Length; i++)
        {
            if (mask[i] != 0)
            {
                var v = samples[i];
                if (float.IsFinite(v) && v < ceiling)
                {
                    var bin = (int)((v - min) / (max - min) * Bins);
                    counts[bin < Bins ? bin : Bins - 1]++;
                }
            }
        }

        return PercentileStretch.FromHistogram(counts, min, max, lowPercent, highPercent);
    }
}
