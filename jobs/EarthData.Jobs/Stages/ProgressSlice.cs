namespace EarthData.Jobs.Stages;

/// <summary>Maps a part's progress in [0, 1] onto [start, start + length] of the whole.</summary>
internal sealed class ProgressSlice(IProgress<double> inner, double start, double length) : IProgress<double>
{
    public void Report(double value) => inner.Report(start + (Math.Clamp(value, 0, 1) * length));
}
