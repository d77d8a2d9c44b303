namespace EarthData.Gdal.Native;

/// <summary>
/// Refuses enum values GDAL does not define before they reach native code: GDAL indexes tables and function
/// pointers by some of them (an undefined <c>GDALRIOResampleAlg</c> calls a null function pointer).
/// </summary>
internal static class EnumGuard
{
    public static void ThrowIfUndefined<TEnum>(TEnum value, string paramName)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{value} is not a {typeof(TEnum).Name} GDAL 3.6 defines.");
        }
    }
}
