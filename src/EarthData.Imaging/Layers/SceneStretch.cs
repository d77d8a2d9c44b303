using EarthData.Core.Stac;
using EarthData.Gdal;
using EarthData.Imaging.Rendering;

namespace EarthData.Imaging.Layers;

/// <summary>The percentile contrast stretch of any bands of a raster — the cuts every composite layer uses.</summary>
public static class SceneStretch
{
    /// <summary>
    /// One stretch per band with the default 2–98 % cuts of <see cref="LayerDefinition"/>: the cuts stored with the
    /// scene when <paramref name="statistics"/> holds them for every band, else estimated from the raster's overviews (or
    /// sampled windows) — the same cuts <see cref="LayerRenderer.Create"/> uses for those bands.
    /// </summary>
    /// <param name="dataset">The raster; only used during this call.</param>
    /// <param name="bands">1-based bands.</param>
    /// <param name="statistics">The stored statistics of the raster's bands (index = band number − 1), or null to estimate.</param>
    public static IReadOnlyList<LinearStretch> Estimate(GdalDataset dataset, IReadOnlyList<int> bands, IReadOnlyList<RasterBandStatistics?>? statistics = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(bands);
        var definition = new LayerDefinition();
        return StoredStretch.TryResolve(statistics, bands, definition) ?? StretchEstimator.Estimate(dataset, [.. bands], definition);
    }
}
