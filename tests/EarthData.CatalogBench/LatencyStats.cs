namespace EarthData.CatalogBench;

/// <summary>Percentiles (nearest rank) of a set of latencies in milliseconds.</summary>
internal sealed record LatencyStats(int Count, double P50, double P95, double P99, double Max, double MeanReturned, double CountedShare)
{
    public static LatencyStats Of(IReadOnlyList<double> milliseconds, double meanReturned, double countedShare)
    {
        var sorted = milliseconds.Order().ToArray();
        double Rank(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new LatencyStats(sorted.Length, Rank(0.50), Rank(0.95), Rank(0.99), sorted[^1], meanReturned, countedShare);
    }

    public override string ToString() => FormattableString.Invariant(
        $"n={Count} p50={P50:0.0} ms p95={P95:0.0} ms p99={P99:0.0} ms max={Max:0.0} ms (mean items returned {MeanReturned:0.0}; numberMatched in {CountedShare:P0})");
}
