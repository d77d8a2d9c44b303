namespace EarthData.Gdal;

#pragma warning disable CA1720 // Member names mirror GDAL's GDT_* names on purpose.

/// <summary>Pixel data types of GDAL 3.6; values match its <c>GDALDataType</c> (there is no signed 8-bit type before GDAL 3.7).</summary>
public enum GdalDataType
{
    /// <summary>Unknown or unspecified.</summary>
    Unknown = 0,

    /// <summary>8-bit unsigned integer.</summary>
    Byte = 1,

    /// <summary>16-bit unsigned integer.</summary>
    UInt16 = 2,

    /// <summary>16-bit signed integer.</summary>
    Int16 = 3,

    /// <summary>32-bit unsigned integer.</summary>
    UInt32 = 4,

    /// <summary>32-bit signed integer.</summary>
    Int32 = 5,

    /// <summary>32-bit floating point.</summary>
    Float32 = 6,

    /// <summary>64-bit floating point.</summary>
    Float64 = 7,

    /// <summary>Complex of two 16-bit signed integers.</summary>
    CInt16 = 8,

    /// <summary>Complex of two 32-bit signed integers.</summary>
    CInt32 = 9,

    /// <summary>Complex of two 32-bit floats.</summary>
    CFloat32 = 10,

    /// <summary>Complex of two 64-bit floats.</summary>
    CFloat64 = 11,

    /// <summary>64-bit unsigned integer.</summary>
    UInt64 = 12,

    /// <summary>64-bit signed integer.</summary>
    Int64 = 13,

    // No Int8: in GDAL 3.6, 14 is GDT_TypeCount. GDT_Int8 arrived in GDAL 3.7.
}

#pragma warning restore CA1720
