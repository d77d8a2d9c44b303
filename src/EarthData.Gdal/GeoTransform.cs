namespace EarthData.Gdal;

/// <summary>
/// Affine pixel → world transform, in GDAL's order:
/// X = OriginX + col·PixelWidth + row·RowRotation; Y = OriginY + col·ColumnRotation + row·PixelHeight.
/// Coordinates are in the dataset's CRS; pixel (0, 0) is the top-left corner of the top-left pixel.
/// </summary>
/// <param name="OriginX">X of the top-left corner (GT[0]).</param>
/// <param name="PixelWidth">Pixel width in CRS units (GT[1]).</param>
/// <param name="RowRotation">Row rotation, zero for north-up images (GT[2]).</param>
/// <param name="OriginY">Y of the top-left corner (GT[3]).</param>
/// <param name="ColumnRotation">Column rotation, zero for north-up images (GT[4]).</param>
/// <param name="PixelHeight">Pixel height, negative for north-up images (GT[5]).</param>
public readonly record struct GeoTransform(
    double OriginX, double PixelWidth, double RowRotation, double OriginY, double ColumnRotation, double PixelHeight)
{
    /// <summary>The identity transform GDAL reports for rasters without georeferencing.</summary>
    public static GeoTransform Identity { get; } = new(0, 1, 0, 0, 0, 1);

    /// <summary>True when the image has no rotation and rows go south (negative pixel height).</summary>
    public bool IsNorthUp => RowRotation == 0 && ColumnRotation == 0 && PixelHeight < 0;

    /// <summary>Builds a transform from GDAL's six coefficients.</summary>
    /// <exception cref="ArgumentException">The span does not hold exactly six values.</exception>
    public static GeoTransform FromSpan(ReadOnlySpan<double> coefficients)
    {
        if (coefficients.Length != 6)
        {
            throw new ArgumentException($"A geotransform has 6 coefficients, got {coefficients.Length}.", nameof(coefficients));
        }

        return new GeoTransform(coefficients[0], coefficients[1], coefficients[2], coefficients[3], coefficients[4], coefficients[5]);
    }

    /// <summary>Builds a transform from GDAL's six coefficients.</summary>
    public static GeoTransform FromArray(double[] coefficients)
    {
        ArgumentNullException.ThrowIfNull(coefficients);
        return FromSpan(coefficients);
    }

    /// <summary>Writes GDAL's six coefficients into <paramref name="destination"/> (length ≥ 6).</summary>
    public void CopyTo(Span<double> destination)
    {
        if (destination.Length < 6)
        {
            throw new ArgumentException("The destination needs room for 6 coefficients.", nameof(destination));
        }

        destination[0] = OriginX;
        destination[1] = PixelWidth;
        destination[2] = RowRotation;
        destination[3] = OriginY;
        destination[4] = ColumnRotation;
        destination[5] = PixelHeight;
    }

    /// <summary>Returns GDAL's six coefficients as a new array.</summary>
    public double[] ToArray()
    {
        var result = new double[6];
        CopyTo(result);
        return result;
    }

    /// <summary>World coordinates of a (fractional) pixel position.</summary>
    public (double X, double Y) PixelToWorld(double col, double row) =>
        (OriginX + (col * PixelWidth) + (row * RowRotation), OriginY + (col * ColumnRotation) + (row * PixelHeight));

    /// <summary>Computes the world → pixel transform; false when this transform is degenerate.</summary>
    public bool TryInvert(out GeoTransform inverse)
    {
        var determinant = (PixelWidth * PixelHeight) - (RowRotation * ColumnRotation);
        var magnitude = Math.Max(Math.Max(Math.Abs(PixelWidth), Math.Abs(PixelHeight)), Math.Max(Math.Abs(RowRotation), Math.Abs(ColumnRotation)));
        if (determinant == 0 || Math.Abs(determinant) <= 1e-10 * magnitude * magnitude)
        {
            inverse = default;
            return false;
        }

        var inv = 1.0 / determinant;
        inverse = new GeoTransform(
            ((RowRotation * OriginY) - (PixelHeight * OriginX)) * inv,
            PixelHeight * inv,
            -RowRotation * inv,
            ((ColumnRotation * OriginX) - (PixelWidth * OriginY)) * inv,
            -ColumnRotation * inv,
            PixelWidth * inv);
        return true;
    }

    /// <summary>Fractional pixel position (column, row) of a world coordinate.</summary>
    /// <exception cref="InvalidOperationException">The transform is not invertible.</exception>
    public (double Column, double Row) WorldToPixel(double x, double y)
    {
        if (!TryInvert(out var inverse))
        {
            throw new InvalidOperationException("The geotransform is degenerate and cannot be inverted.");
        }

        var (col, row) = inverse.PixelToWorld(x, y);
        return (col, row);
    }
}
