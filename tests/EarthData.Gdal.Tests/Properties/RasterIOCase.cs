namespace EarthData.Gdal.Tests.Properties;

/// <summary>How a <see cref="RasterIOCase"/> passes its spacings.</summary>
public enum SpacingMode
{
    /// <summary>The overload without spacings (packed, band-sequential).</summary>
    Packed,

    /// <summary>The overload with explicit spacings (0 meaning GDAL's packed default).</summary>
    Explicit,

    /// <summary>The window-sized band overload, or the pixel-interleaved dataset read.</summary>
    Shortcut,
}

/// <summary>One raster I/O call with arbitrary arguments, valid or not, against a small MEM raster.</summary>
public sealed record RasterIOCase(
    bool OnDataset,
    bool Write,
    Type ElementType,
    GdalDataType RasterType,
    int RasterWidth,
    int RasterHeight,
    int Bands,
    int X,
    int Y,
    int Width,
    int Height,
    int BufferWidth,
    int BufferHeight,
    SpacingMode Spacing,
    long PixelSpace,
    long LineSpace,
    long BandSpace,
    int[] BandMap,
    ResampleAlgorithm Resampling,
    int BufferLength)
{
    public override string ToString() =>
        $"{(Write ? "write" : "read")} {(OnDataset ? "dataset" : "band")} {ElementType.Name} of {RasterType} {RasterWidth}×{RasterHeight}×{Bands}: "
        + $"window ({X}, {Y}, {Width}×{Height}) buffer {BufferWidth}×{BufferHeight} of {BufferLength} values, {Spacing} "
        + $"{PixelSpace}/{LineSpace}/{BandSpace}, bands [{string.Join(",", BandMap)}], resampling {(int)Resampling}";
}
