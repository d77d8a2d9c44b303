namespace EarthData.Imaging.Rendering;

/// <summary>The statistics of a set of values, as <see cref="ValueStatistics"/> summarises them.</summary>
/// <param name="Count">Values counted.</param>
/// <param name="Min">Smallest value (NaN when none).</param>
/// <param name="Max">Largest value (NaN when none).</param>
/// <param name="Mean">Arithmetic mean (NaN when none).</param>
/// <param name="StdDev">Population standard deviation (NaN when none).</param>
/// <param name="Sum">Sum of the values.</param>
/// <param name="Percentiles">Requested percentile → value, linearly interpolated between ranks (as numpy's default).</param>
/// <param name="HistogramCounts">Values per bin.</param>
/// <param name="HistogramEdges">Bin edges (one more than bins); the last bin includes its upper edge.</param>
public sealed record ValueSummary(
    long Count,
    double Min,
    double Max,
    double Mean,
    double StdDev,
    double Sum,
    IReadOnlyList<(double Percentile, double Value)> Percentiles,
    IReadOnlyList<long> HistogramCounts,
    IReadOnlyList<double> HistogramEdges);
