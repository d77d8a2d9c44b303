using EarthData.Core.Radiometry;
using EarthData.Gdal;

namespace EarthData.Imaging.Radiometry;

/// <summary>
/// Which camera head of a two-head scene (CBERS WFI/AWFI left/right optics) each pixel of a north-up raster in another
/// CRS (the Web Mercator master COG) belongs to. The archive raster does not say, so the rule is geometric: a pixel
/// belongs to the left head when its centre lies west of the <see cref="CameraSeam"/> (the middle of the heads'
/// overlap, a straight line in the scene's UTM zone), else to the right head. The seam is sampled every
/// <see cref="SampleSpacing"/> metres of northing, projected into the raster's CRS and interpolated per row, so each
/// row has one first right-head column.
/// </summary>
public sealed class HeadColumns
{
    /// <summary>Northing between seam samples, metres (the projected seam's curvature is far below a pixel over it).</summary>
    public const double SampleSpacing = 2_000;

    private readonly int[] _firstRight;

    private HeadColumns(int[] firstRight) => _firstRight = firstRight;

    /// <summary>The head columns of <paramref name="raster"/>'s rows.</summary>
    /// <param name="seam">The seam in the scene's UTM coordinates.</param>
    /// <param name="seamEpsg">EPSG code of the seam's CRS.</param>
    /// <param name="raster">A north-up raster with a geotransform and a CRS.</param>
    public static HeadColumns Of(CameraSeam seam, int seamEpsg, GdalDataset raster)
        => Of(seam, seamEpsg, raster, raster?.Width ?? 0, raster?.Height ?? 0);

    /// <summary>
    /// The head columns of the rows of <paramref name="raster"/> read as a <paramref name="width"/> ×
    /// <paramref name="height"/> image (its whole extent resampled, as an overview or a decimated read gives it).
    /// </summary>
    /// <param name="seam">The seam in the scene's UTM coordinates.</param>
    /// <param name="seamEpsg">EPSG code of the seam's CRS.</param>
    /// <param name="raster">A north-up raster with a geotransform and a CRS.</param>
    /// <param name="width">Columns of the image read.</param>
    /// <param name="height">Rows of the image read.</param>
    public static HeadColumns Of(CameraSeam seam, int seamEpsg, GdalDataset raster, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(seam);
        ArgumentNullException.ThrowIfNull(raster);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        var gt = raster.GeoTransform ?? throw new GdalException($"'{raster.Path}' has no geotransform.");
        if (gt.RowRotation != 0 || gt.ColumnRotation != 0)
        {
            throw new ArgumentException($"'{raster.Path}' is not north-up.", nameof(raster));
        }

        using var utm = SpatialReference.FromEpsg(seamEpsg);
        using var target = raster.GetSpatialReference() ?? throw new GdalException($"'{raster.Path}' has no CRS.");
        using var transform = CoordinateTransformation.Create(utm, target);
        // The seam from well below to well above the footprint (extrapolated): rows outside carry no data anyway.
        var (low, high) = (Math.Min(seam.TopNorthing, seam.BottomNorthing), Math.Max(seam.TopNorthing, seam.BottomNorthing));
        var margin = Math.Max(high - low, SampleSpacing);
        var count = (int)Math.Ceiling((high - low + (2 * margin)) / SampleSpacing) + 1;
        var xs = new double[count];
        var ys = new double[count];
        for (var i = 0; i < count; i++)
        {
            ys[i] = low - margin + (i * SampleSpacing);
            xs[i] = seam.EastingAt(ys[i]);
        }

        transform.Transform(xs, ys);
        Array.Sort(ys, xs);
        var (pixelWidth, pixelHeight) = (gt.PixelWidth * raster.Width / width, gt.PixelHeight * raster.Height / height);
        var firstRight = new int[height];
        for (var row = 0; row < firstRight.Length; row++)
        {
            var y = gt.OriginY + ((row + 0.5) * pixelHeight);
            var column = (Interpolate(ys, xs, y) - gt.OriginX) / pixelWidth;
            // Pixel c's centre is at c + 0.5: it lies west of the seam when c + 0.5 < column.
            firstRight[row] = (int)Math.Clamp(Math.Ceiling(column - 0.5), 0, width);
        }

        return new HeadColumns(firstRight);
    }

    /// <summary>The first column of <paramref name="row"/> that belongs to the right head (the raster's width when none does).</summary>
    public int FirstRightColumn(int row) => _firstRight[row];

    /// <summary>Piecewise-linear x at <paramref name="y"/> along the samples (sorted by y), extended beyond the ends.</summary>
    private static double Interpolate(double[] ys, double[] xs, double y)
    {
        var i = Array.BinarySearch(ys, y);
        if (i >= 0)
        {
            return xs[i];
        }

        var upper = Math.Clamp(~i, 1, ys.Length - 1);
        var lower = upper - 1;
        var t = (y - ys[lower]) / (ys[upper] - ys[lower]);
        return xs[lower] + (t * (xs[upper] - xs[lower]));
    }
}
