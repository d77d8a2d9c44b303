using EarthData.Gdal;
using EarthData.Imaging.Rendering;

namespace EarthData.Imaging.Layers;

/// <summary>
/// Percentile stretches from a low-resolution read of the whole raster (GDAL serves it from the COG's overviews, so it
/// costs milliseconds), counting only pixels the mask band marks valid.
/// </summary>
internal static class StretchEstimator
{
    private const int SampleSide = 1024;
    private const int Bins = 2048;

    // The top 1 % of the value range counts as saturation when it holds more than 0.5 % of the valid pixels and
    // more than three times the pixels of the 1 % below it.
    private const double SaturationBand = 0.01;
    private const double SaturationShare = 0.005;
    private const double SpikeRatio = 3;

    public static LinearStretch[] Estimate(GdalDataset dataset, int[] bands, LayerDefinition definition)
    {
        var scale = Math.Min(1.0, (double)SampleSide / Math.Max(dataset.Width, dataset.Height));
        var width = Math.Max(1, (int)Math.Round(dataset.Width * scale));
        var height = Math.Max(1, (int)Math.Round(dataset.Height * scale));
        var n = width * height;
        var samples = new float[n];
        var mask = new byte[n];
        dataset.GetBand(bands[0]).GetMaskBand().Read(0, 0, dataset.Width, dataset.Height, mask.AsSpan(), width, height);

        var cuts = new (double Low, double High)[bands.Length];
        for (var i = 0; i < bands.Length; i++)
        {
            var band = dataset.GetBand(bands[i]);
            band.Read(0, 0, dataset.Width, dataset.Height, samples.AsSpan(), width, height);
            cuts[i] = Percentiles(samples, mask, definition.LowPercent, definition.HighPercent);
        }

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

        var stretches = new LinearStretch[bands.Length];
        for (var i = 0; i < bands.Length; i++)
        {
            var (low, high) = cuts[i];
            stretches[i] = new LinearStretch(low, high > low ? high : low + 1, definition.Gamma);
        }

        return stretches;
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
