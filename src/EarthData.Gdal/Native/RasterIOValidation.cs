namespace EarthData.Gdal.Native;

/// <summary>Checks raster I/O requests before GDAL sees the buffer pointer (GDAL trusts it blindly).</summary>
internal static class RasterIOValidation
{
    public static void CheckWindow(int x, int y, int width, int height, int rasterWidth, int rasterHeight, int bufferWidth, int bufferHeight)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(x);
        ArgumentOutOfRangeException.ThrowIfNegative(y);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bufferWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bufferHeight);
        if ((long)x + width > rasterWidth || (long)y + height > rasterHeight)
        {
            throw new ArgumentOutOfRangeException(
                nameof(width),
                $"Window ({x}, {y}, {width}×{height}) exceeds the raster size {rasterWidth}×{rasterHeight}.");
        }
    }

    /// <summary>Checks that the furthest byte GDAL will touch lies inside the buffer.</summary>
    public static void CheckBuffer(
        long bufferBytes, int elementSize, int bufferWidth, int bufferHeight, int bandCount,
        long pixelSpace, long lineSpace, long bandSpace, string paramName = "buffer")
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pixelSpace);
        ArgumentOutOfRangeException.ThrowIfNegative(lineSpace);
        ArgumentOutOfRangeException.ThrowIfNegative(bandSpace);
        Int128 last = ((Int128)(bufferWidth - 1) * pixelSpace)
            + ((Int128)(bufferHeight - 1) * lineSpace)
            + ((Int128)(bandCount - 1) * bandSpace)
            + elementSize;
        if (last > bufferBytes)
        {
            throw new ArgumentException(
                $"The buffer holds {bufferBytes} bytes but the request ({bufferWidth}×{bufferHeight}×{bandCount} values, "
                + $"spacing {pixelSpace}/{lineSpace}/{bandSpace}) needs {last}.",
                paramName);
        }
    }
}
