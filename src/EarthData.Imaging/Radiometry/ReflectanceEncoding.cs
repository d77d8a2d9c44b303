namespace EarthData.Imaging.Radiometry;

#pragma warning disable CA1720 // Members are named after the pixel types they store, like GdalDataType.

/// <summary>How top-of-atmosphere reflectance is stored.</summary>
public enum ReflectanceEncoding
{
    /// <summary>Float32 reflectance (0–1, slightly above 1 over bright targets); nodata 0.</summary>
    Float32,

    /// <summary>
    /// Int16 reflectance × 10 000 (band scale 1e-4, offset 0, so GDAL reports physical values); nodata 0.
    /// </summary>
    Int16,
}

#pragma warning restore CA1720
