using EarthData.Core.Geometry;
using EarthData.Core.Tiling;
using EarthData.Gdal;

namespace EarthData.Imaging.Cog;

/// <summary>Where a georeferenced raster lands on the WebMercatorQuad grid: native and minimum zoom.</summary>
/// <param name="NativeZoom">The first zoom whose resolution is at least as fine as the raster's pixel size in EPSG:3857.</param>
/// <param name="MinZoom">The deepest zoom at which the raster's extent fits in one tile's width.</param>
/// <param name="MercatorBounds">The raster's extent in EPSG:3857 metres (edges sampled densely).</param>
internal readonly record struct CogGrid(int NativeZoom, int MinZoom, BoundingBox MercatorBounds)
{
    private const int EdgeSamples = 21;

    /// <summary>Number of overview levels between native and minimum zoom.</summary>
    public int OverviewCount => NativeZoom - MinZoom;

    /// <summary>
    /// Measures the pixel size in EPSG:3857 metres at the raster's centre (the smaller of the two axes) and the
    /// raster's EPSG:3857 extent (edges sampled densely), then picks the zooms.
    /// </summary>
    /// <exception cref="ArgumentException">The raster has no geotransform or CRS (the message names it).</exception>
    public static CogGrid Of(GdalDataset dataset, string sourceName)
    {
        var transform = dataset.GeoTransform;
        using var srs = dataset.GetSpatialReference();
        if (transform is not { } gt || srs is null)
        {
            throw new ArgumentException($"'{sourceName}' has no georeferencing (it needs a geotransform and a CRS to be reprojected to EPSG:3857)");
        }

        using var mercator = SpatialReference.FromEpsg(3857);
        using var toMercator = CoordinateTransformation.Create(srs, mercator);
        double cx = dataset.Width / 2.0, cy = dataset.Height / 2.0;
        Span<double> xs = stackalloc double[3];
        Span<double> ys = stackalloc double[3];
        (xs[0], ys[0]) = gt.PixelToWorld(cx, cy);
        (xs[1], ys[1]) = gt.PixelToWorld(cx + 1, cy);
        (xs[2], ys[2]) = gt.PixelToWorld(cx, cy + 1);
        toMercator.Transform(xs, ys);
        var pixelSize = Math.Min(Math.Sqrt(Square(xs[1] - xs[0]) + Square(ys[1] - ys[0])), Math.Sqrt(Square(xs[2] - xs[0]) + Square(ys[2] - ys[0])));
        if (!(pixelSize > 0) || !double.IsFinite(pixelSize))
        {
            throw new ArgumentException($"'{sourceName}' has a degenerate pixel size in EPSG:3857");
        }

        var extent = MercatorExtent(dataset, gt, toMercator);
        var native = WebMercatorQuad.NativeZoom(pixelSize);
        return new CogGrid(native, Math.Min(native, WebMercatorQuad.MinZoomFor(0, 0, extent.Width, extent.Height)), extent);
    }

    private static BoundingBox MercatorExtent(GdalDataset dataset, GeoTransform gt, CoordinateTransformation toMercator)
    {
        var xs = new double[EdgeSamples * 4];
        var ys = new double[EdgeSamples * 4];
        for (var i = 0; i < EdgeSamples; i++)
        {
            var t = i / (double)(EdgeSamples - 1);
            (xs[i], ys[i]) = gt.PixelToWorld(t * dataset.Width, 0);
            (xs[EdgeSamples + i], ys[EdgeSamples + i]) = gt.PixelToWorld(t * dataset.Width, dataset.Height);
            (xs[(2 * EdgeSamples) + i], ys[(2 * EdgeSamples) + i]) = gt.PixelToWorld(0, t * dataset.Height);
            (xs[(3 * EdgeSamples) + i], ys[(3 * EdgeSamples) + i]) = gt.PixelToWorld(dataset.Width, t * dataset.Height);
        }

        toMercator.Transform(xs, ys);
        return new BoundingBox(xs.Min(), ys.Min(), xs.Max(), ys.Max());
    }

    private static double Square(double value) => value * value;
}
