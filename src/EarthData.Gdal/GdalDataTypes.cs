namespace EarthData.Gdal;

/// <summary>Helpers for <see cref="GdalDataType"/>: sizes and the mapping from C# element types.</summary>
public static class GdalDataTypes
{
    /// <summary>Size of one pixel value in bytes (complex types count both parts); 0 for <see cref="GdalDataType.Unknown"/>.</summary>
    public static int SizeInBytes(this GdalDataType type) => type switch
    {
        GdalDataType.Byte => 1,
        GdalDataType.UInt16 or GdalDataType.Int16 => 2,
        GdalDataType.UInt32 or GdalDataType.Int32 or GdalDataType.Float32 or GdalDataType.CInt16 => 4,
        GdalDataType.Float64 or GdalDataType.CInt32 or GdalDataType.CFloat32 or GdalDataType.UInt64 or GdalDataType.Int64 => 8,
        GdalDataType.CFloat64 => 16,
        _ => 0,
    };

    /// <summary>The GDAL type of a C# element type (byte, ushort, short, uint, int, float, double, ulong, long).</summary>
    /// <exception cref="NotSupportedException">
    /// <typeparamref name="T"/> has no GDAL 3.6 equivalent (e.g. <see cref="sbyte"/>: GDAL's Int8 arrived in 3.7).
    /// </exception>
    public static GdalDataType Of<T>()
        where T : unmanaged
    {
        if (typeof(T) == typeof(byte))
        {
            return GdalDataType.Byte;
        }

        if (typeof(T) == typeof(ushort))
        {
            return GdalDataType.UInt16;
        }

        if (typeof(T) == typeof(short))
        {
            return GdalDataType.Int16;
        }

        if (typeof(T) == typeof(uint))
        {
            return GdalDataType.UInt32;
        }

        if (typeof(T) == typeof(int))
        {
            return GdalDataType.Int32;
        }

        if (typeof(T) == typeof(float))
        {
            return GdalDataType.Float32;
        }

        if (typeof(T) == typeof(double))
        {
            return GdalDataType.Float64;
        }

        if (typeof(T) == typeof(ulong))
        {
            return GdalDataType.UInt64;
        }

        if (typeof(T) == typeof(long))
        {
            return GdalDataType.Int64;
        }

        throw new NotSupportedException(typeof(T) == typeof(sbyte)
            ? "GDAL 3.6 has no signed 8-bit type (Int8 arrived in GDAL 3.7): read Int16 or Byte instead."
            : $"Element type {typeof(T).Name} has no GDAL data type.");
    }
}
