using EarthData.Core.Stac;
using EarthData.Gdal;

namespace EarthData.Imaging.Layers;

/// <summary>
/// Accumulates the valid values of one band block by block. 8- and 16-bit integer bands count every value exactly in a
/// table (one pass gives minimum, maximum, mean, deviation and histogram); other types keep running moments (Welford)
/// and need a second pass (<see cref="AddToHistogram"/>) for the histogram once the range is known.
/// </summary>
internal sealed class BandAccumulator
{
    private readonly long[]? _table;
    private readonly int _tableOffset;
    private long _valid;
    private double _min = double.PositiveInfinity;
    private double _max = double.NegativeInfinity;
    private double _mean;
    private double _m2;
    private long[]? _buckets;

    public BandAccumulator(GdalDataType type)
    {
        (_table, _tableOffset) = type switch
        {
            GdalDataType.Byte => (new long[256], 0),
            GdalDataType.Int16 => (new long[65536], 32768),
            GdalDataType.UInt16 => (new long[65536], 0),
            _ => ((long[]?)null, 0),
        };
    }

    /// <summary>Whether the histogram needs a second pass over the values.</summary>
    public bool NeedsHistogramPass => _table is null && _valid > 0;

    /// <summary>
    /// Adds the values whose mask is not 0: counted in the table (8- and 16-bit integer bands, whose values a double
    /// holds exactly), else the finite ones into the running moments.
    /// </summary>
    public void Add(ReadOnlySpan<double> values, ReadOnlySpan<byte> mask)
    {
        if (_table is { } table)
        {
            for (var i = 0; i < values.Length; i++)
            {
                if (mask[i] != 0)
                {
                    table[(int)values[i] + _tableOffset]++;
                }
            }

            return;
        }

        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            if (mask[i] != 0 && double.IsFinite(v))
            {
                _valid++;
                _min = Math.Min(_min, v);
                _max = Math.Max(_max, v);
                var delta = v - _mean;
                _mean += delta / _valid;
                _m2 += delta * (v - _mean);
            }
        }
    }

    /// <summary>Second pass of a non-integer band: counts the values into the histogram over the range of the first.</summary>
    public void AddToHistogram(ReadOnlySpan<double> values, ReadOnlySpan<byte> mask, int buckets)
    {
        _buckets ??= new long[buckets];
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            if (mask[i] != 0 && double.IsFinite(v))
            {
                _buckets[Bucket(v, _min, _max, buckets)]++;
            }
        }
    }

    /// <summary>The statistics, or null when no pixel was valid.</summary>
    /// <param name="pixels">The raster's pixel count, for the valid share.</param>
    /// <param name="buckets">The histogram's bucket count.</param>
    /// <param name="stretch">The stretch cut to store with them.</param>
    public RasterBandStatistics? Result(long pixels, int buckets, StretchCut? stretch)
    {
        if (_table is not null)
        {
            FromTable(buckets);
        }

        if (_valid == 0)
        {
            return null;
        }

        return new RasterBandStatistics
        {
            Minimum = _min,
            Maximum = _max,
            Mean = _mean,
            StdDev = Math.Sqrt(_m2 / _valid),
            ValidPercent = 100.0 * _valid / pixels,
            Histogram = _buckets is null ? null : new BandHistogram(_min, _max, _buckets),
            Stretch = stretch,
        };
    }

    /// <summary>GDAL's bucket of a value: equal widths over [min, max], the maximum in the last bucket.</summary>
    private static int Bucket(double value, double min, double max, int buckets)
    {
        if (!(max > min))
        {
            return 0;
        }

        var bucket = (int)((value - min) / (max - min) * buckets);
        return Math.Clamp(bucket, 0, buckets - 1);
    }

    private void FromTable(int buckets)
    {
        var table = _table!;
        double sum = 0;
        (_valid, _min, _max) = (0, double.PositiveInfinity, double.NegativeInfinity);
        for (var i = 0; i < table.Length; i++)
        {
            if (table[i] != 0)
            {
                double value = i - _tableOffset;
                _valid += table[i];
                sum += value * table[i];
                _min = Math.Min(_min, value);
                _max = Math.Max(_max, value);
            }
        }

        if (_valid == 0)
        {
            return;
        }

        _mean = sum / _valid;
        _m2 = 0;
        _buckets = new long[buckets];
        for (var i = 0; i < table.Length; i++)
        {
            if (table[i] != 0)
            {
                double value = i - _tableOffset;
                _m2 += (value - _mean) * (value - _mean) * table[i];
                _buckets[Bucket(value, _min, _max, buckets)] += table[i];
            }
        }
    }
}
