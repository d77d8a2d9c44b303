namespace EarthData.Imaging.Cog;

/// <summary>Forwards progress clamped to [0, 1] and never decreasing; stages map their own [0, 1] onto a sub-range.</summary>
internal sealed class MonotonicProgress(IProgress<double>? target)
{
    private readonly Lock _lock = new();
    private double _last = -1;

    /// <summary>Reports <paramref name="value"/> when it is above everything reported so far.</summary>
    public void Report(double value)
    {
        if (target is null || double.IsNaN(value))
        {
            return;
        }

        value = Math.Clamp(value, 0, 1);
        lock (_lock)
        {
            if (value <= _last)
            {
                return;
            }

            _last = value;
        }

        target.Report(value);
    }

    /// <summary>A progress whose [0, 1] maps onto [<paramref name="from"/>, <paramref name="to"/>] of this one.</summary>
    public IProgress<double> Scaled(double from, double to) => new Stage(this, from, to);

    private sealed class Stage(MonotonicProgress owner, double from, double to) : IProgress<double>
    {
        public void Report(double value) => owner.Report(from + ((to - from) * Math.Clamp(value, 0, 1)));
    }
}
