using EarthData.Imaging.Expressions;

namespace EarthData.Server.Tiles;

/// <summary>What a statistics request asks for besides its area.</summary>
/// <param name="Bands">1-based bands; null: every band (unless <paramref name="Expression"/>).</param>
/// <param name="Expression">Band math to summarise instead of bands.</param>
/// <param name="Percentiles">Percentiles from 0 to 100.</param>
/// <param name="Bins">Histogram bins.</param>
/// <param name="Range">Histogram range; null: each band's min to max.</param>
internal sealed record StatisticsRequest(
    IReadOnlyList<int>? Bands, BandExpression? Expression, IReadOnlyList<double> Percentiles, int Bins, (double Min, double Max)? Range);
