using EarthData.Gdal.Native;

namespace EarthData.Gdal;

public sealed partial class GdalDataset
{
    /// <summary>
    /// The affine transform from pixel to CRS coordinates, or null when the dataset has none.
    /// Setting null is not supported by GDAL 3.6 and throws <see cref="ArgumentNullException"/>.
    /// </summary>
    public unsafe GeoTransform? GeoTransform
    {
        get
        {
            var coefficients = stackalloc double[6];
            using var scope = new GdalErrorScope();
            var result = NativeMethods.GDALGetGeoTransform(Handle, coefficients);
            return result == 0 ? Gdal.GeoTransform.FromSpan(new ReadOnlySpan<double>(coefficients, 6)) : null;
        }

        set
        {
            if (value is not { } transform)
            {
                throw new ArgumentNullException(nameof(value), "GDAL 3.6 cannot remove a geotransform.");
            }

            var coefficients = stackalloc double[6];
            transform.CopyTo(new Span<double>(coefficients, 6));
            using var scope = new GdalErrorScope();
            var result = NativeMethods.GDALSetGeoTransform(Handle, coefficients);
            scope.ThrowIfFailed(result != 0, $"Setting the geotransform of '{Path}'");
        }
    }

    /// <summary>The dataset's CRS as WKT, or an empty string when it has none.</summary>
    public string ProjectionWkt
    {
        get
        {
            // The string belongs to the dataset: keep it open until it is copied.
            using var lease = Lease();
            return NativeStrings.Copy(NativeMethods.GDALGetProjectionRef(_handle)) ?? string.Empty;
        }
    }

    /// <summary>A copy of the dataset's CRS (traditional GIS axis order, caller disposes), or null when it has none.</summary>
    public SpatialReference? GetSpatialReference()
    {
        using var lease = Lease();
        var borrowed = NativeMethods.GDALGetSpatialRef(_handle);
        return borrowed == 0 ? null : SpatialReference.CloneFromBorrowed(borrowed);
    }

    /// <summary>Sets the dataset's CRS (GDAL copies it; the argument stays owned by the caller).</summary>
    public void SetSpatialReference(SpatialReference spatialReference)
    {
        ArgumentNullException.ThrowIfNull(spatialReference);
        using var scope = new GdalErrorScope();
        var result = NativeMethods.GDALSetSpatialRef(Handle, spatialReference.Handle);
        scope.ThrowIfFailed(result != 0, $"Setting the spatial reference of '{Path}'");
    }
}
