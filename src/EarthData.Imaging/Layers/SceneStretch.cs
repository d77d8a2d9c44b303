using EarthData.Gdal;
using EarthData.Imaging.Rendering;

namespace EarthData.Imaging.Layers;

/// <summary>The percentile contrast stretch of any bands of a raster — the cuts every composite layer uses.</summary>
public static class SceneStretch
{
    /// <summary>
    /// Estimates one stretch per band from the raster's overviews (or sampled windows), with the default 2–98 %
    /// cuts of <see cref="LayerDefinition"/>: the same cuts <see cref="LayerRenderer.Create"/> computes for those bands.
    /// </summary>
    /// <param name="dataset">The raster; only used during this call.</param>
    /// <param name="bands">1-based bands.</param>
    public static IReadOnlyList<LinearStretch> Estimate(GdalDataset dataset, IReadOnlyList<int> bands)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(bands);
        return StretchEstimator.Estimate(dataset, [.. bands], new LayerDefinition());
    }
}
