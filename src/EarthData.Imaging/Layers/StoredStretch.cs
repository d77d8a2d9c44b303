using EarthData.Core.Stac;
using EarthData.Imaging.Rendering;

namespace EarthData.Imaging.Layers;

/// <summary>The stretches of a layer from cuts stored with a scene (<see cref="RasterBandStatistics.Stretch"/>).</summary>
internal static class StoredStretch
{
    /// <summary>
    /// The stretches of <paramref name="bands"/> from <paramref name="statistics"/> (indexed by band number − 1), or
    /// null when a band has no stored cut or its cut was made for other percentiles than the definition's — then the
    /// caller estimates.
    /// </summary>
    public static LinearStretch[]? TryResolve(IReadOnlyList<RasterBandStatistics?>? statistics, IReadOnlyList<int> bands, LayerDefinition definition)
    {
        if (statistics is null || statistics.Count == 0)
        {
            return null;
        }

        var cuts = new (double Low, double High)[bands.Count];
        for (var i = 0; i < bands.Count; i++)
        {
            var band = bands[i];
            if (band < 1 || band > statistics.Count || statistics[band - 1]?.Stretch is not { } cut
                || cut.LowPercent != definition.LowPercent || cut.HighPercent != definition.HighPercent
                || !double.IsFinite(cut.Low) || !double.IsFinite(cut.High) || !(cut.High > cut.Low))
            {
                return null;
            }

            cuts[i] = (cut.Low, cut.High);
        }

        return StretchEstimator.ToStretches(cuts, definition);
    }
}
