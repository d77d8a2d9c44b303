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

    /// <summary>
    /// Checks that the furthest byte GDAL will touch lies inside the buffer. A spacing of 0 is measured as GDAL
    /// will use it (<c>GDALRasterBand::RasterIO</c>, <c>GDALDataset::RasterIO</c>): pixel = element size,
    /// line = pixel × buffer width, band = line × buffer height.
    /// </summary>
    public static void CheckBuffer(
        long bufferBytes, int elementSize, int bufferWidth, int bufferHeight, int bandCount,
        long pixelSpace, long lineSpace, long bandSpace, string paramName = "buffer")
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pixelSpace);
        ArgumentOutOfRangeException.ThrowIfNegative(lineSpace);
        ArgumentOutOfRangeException.ThrowIfNegative(bandSpace);
        var pixel = pixelSpace == 0 ? elementSize : (Int128)pixelSpace;
        var line = lineSpace == 0 ? pixel * bufferWidth : lineSpace;
        var band = bandSpace == 0 ? line * bufferHeight : bandSpace;
        var last = ((bufferWidth - 1) * pixel) + ((bufferHeight - 1) * line) + ((bandCount - 1) * band) + elementSize;
        if (last > bufferBytes)
        {
            throw new ArgumentException(
                $"The buffer holds {bufferBytes} bytes but the request ({bufferWidth}×{bufferHeight}×{bandCount} values, "
                + $"spacing {pixel}/{line}/{band} bytes{(pixelSpace == 0 || lineSpace == 0 || bandSpace == 0 ? ", 0 meaning packed" : string.Empty)}) needs {last}.",
                paramName);
        }

        // GDAL's own arithmetic on the spacings is 64-bit: refuse requests whose offsets it could not represent.
        if (last > long.MaxValue)
        {
            throw new ArgumentOutOfRangeException(paramName, "The request's byte offsets exceed 64 bits.");
        }
    }
}
