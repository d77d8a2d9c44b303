namespace EarthData.Imaging.Rendering;

/// <summary>
/// Accumulates values block by block and summarises them (<see cref="ValueSummary"/>): exactly, with a count per
/// value for 16-bit integer data (so memory stays 256 KiB whatever the area) or by keeping the values of float data
/// (the caller bounds how many).
/// </summary>
/// <remarks>Not thread-safe; one per computation.</remarks>
public sealed class ValueStatistics
{
    private const int IntegerLevels = 65536;

    private readonly long[]? _counts;
    private readonly int _offset;
    private readonly List<float>? _values;
    private long _count;
    private double _sum;
    private double _sumOfSquares;
    private double _min = double.PositiveInfinity;
    private double _max = double.NegativeInfinity;

    private ValueStatistics(long[]? counts, int offset, List<float>? values)
    {
        _counts = counts;
        _offset = offset;
        _values = values;
    }

    /// <summary>For integers in [−<paramref name="offset"/>, 65535 − <paramref name="offset"/>]: 32768 for Int16, 0 for Byte and UInt16.</summary>
    public static ValueStatistics ForIntegers(int offset) => new(new long[IntegerLevels], offset, null);

    /// <summary>For any finite values (kept until <see cref="Summarise"/>).</summary>
    public static ValueStatistics ForFloats() => new(null, 0, []);

    /// <summary>Values counted so far.</summary>
    public long Count => _count;

    /// <summary>Adds the finite values whose <paramref name="include"/> byte is not 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An integer accumulator got a value outside its range.</exception>
    public void Add(ReadOnlySpan<float> values, ReadOnlySpan<byte> include)
    {
        if (include.Length < values.Length)
        {
            throw new ArgumentException("One include byte per value is needed.", nameof(include));
        }

        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            if (include[i] == 0 || !float.IsFinite(v))
            {
                continue;
            }

            if (_counts is not null)
            {
                var level = (int)v + _offset;
                if (level is < 0 or >= IntegerLevels || (int)v != v)
                {
                    throw new ArgumentOutOfRangeException(nameof(values), v, "The value is not an integer of the accumulator's range.");
                }

                _counts[level]++;
            }
            else
            {
                _values!.Add(v);
            }

            _count++;
            _sum += v;
            _sumOfSquares += (double)v * v;
            _min = Math.Min(_min, v);
            _max = Math.Max(_max, v);
        }
    }

    /// <summary>Summarises the values.</summary>
    /// <param name="percentiles">Percentiles from 0 to 100.</param>
    /// <param name="bins">Histogram bins, ≥ 1.</param>
    /// <param name="range">Histogram range; null: the values' min to max (±0.5 when they are all equal).</param>
    public ValueSummary Summarise(IReadOnlyList<double> percentiles, int bins, (double Min, double Max)? range = null)
    {
        ArgumentNullException.ThrowIfNull(percentiles);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        var counts = new long[bins];
        if (_count == 0)
        {
            var (lo0, hi0) = range ?? (0, 1);
            return new ValueSummary(0, double.NaN, double.NaN, double.NaN, double.NaN, 0,
                [.. percentiles.Select(p => (p, double.NaN))], counts, Edges(lo0, hi0, bins));
        }

        _values?.Sort();
        var mean = _sum / _count;
        var variance = Math.Max(0, (_sumOfSquares / _count) - (mean * mean));
        var (lo, hi) = range ?? (_min == _max ? (_min - 0.5, _max + 0.5) : (_min, _max));
        var edges = Edges(lo, hi, bins);
        if (_counts is not null)
        {
            for (var level = 0; level < _counts.Length; level++)
            {
                if (_counts[level] > 0)
                {
                    Bin(level - _offset, _counts[level]);
                }
            }
        }
        else
        {
            foreach (var v in _values!)
            {
                Bin(v, 1);
            }
        }

        return new ValueSummary(_count, _min, _max, mean, Math.Sqrt(variance), _sum,
            [.. percentiles.Select(p => (p, Percentile(p)))], counts, edges);

        void Bin(double value, long n)
        {
            if (value < lo || value > hi)
            {
                return;
            }

            var bin = (int)((value - lo) / (hi - lo) * bins);
            counts[Math.Min(bin, bins - 1)] += n;
        }
    }

    private static double[] Edges(double lo, double hi, int bins) => [.. Enumerable.Range(0, bins + 1).Select(i => lo + ((hi - lo) * i / bins))];

    private double Percentile(double percentile)
    {
        var position = percentile / 100 * (_count - 1);
        var below = (long)Math.Floor(position);
        var a = ValueAt(below);
        var b = ValueAt(Math.Min(below + 1, _count - 1));
        return a + ((b - a) * (position - below));
    }

    private double ValueAt(long rank)
    {
        if (_values is not null)
        {
            return _values[(int)rank];
        }

        long seen = 0;
        for (var level = 0; level < _counts!.Length; level++)
        {
            seen += _counts[level];
            if (seen > rank)
            {
                return level - _offset;
            }
        }

        return _max;
    }
}
