using FsCheck;
using FsCheck.Fluent;

namespace EarthData.Gdal.Tests.Properties;

/// <summary>
/// Generates <see cref="RasterIOCase"/>s around the edges: windows partly outside the raster, buffers too small,
/// spacings of -1, 0 and odd sizes, band maps with 0 or too-high numbers, resampling values GDAL does not define.
/// The ranges bound the furthest byte any call could touch (see <see cref="RasterIOProperties.Guard"/>).
/// </summary>
public static class RasterIOArbitraries
{
    public const int MaxSide = 24;
    public const int MaxPixelSpace = 24;
    public const int MaxLineSpace = 400;
    public const int MaxBandSpace = 4000;
    public const int MaxBandMap = 4;
    public const int MaxBufferLength = 60_000;

    private static readonly Type[] ElementTypes = [typeof(byte), typeof(ushort), typeof(short), typeof(float), typeof(double), typeof(sbyte)];
    private static readonly GdalDataType[] RasterTypes = [GdalDataType.Byte, GdalDataType.UInt16, GdalDataType.Float32];

    public static Arbitrary<RasterIOCase> Cases()
    {
        var raster =
            from type in Gen.Elements(RasterTypes)
            from width in Gen.Choose(1, 20)
            from height in Gen.Choose(1, 20)
            from bands in Gen.Choose(1, 3)
            select (type, width, height, bands);
        var call =
            from onDataset in Gen.Elements(true, false)
            from write in Gen.Elements(true, false)
            from element in Gen.Frequency((5, Gen.Elements(ElementTypes[..^1])), (1, Gen.Constant(typeof(sbyte))))
            from map in Gen.Frequency(
                (2, Gen.Constant(Array.Empty<int>())),
                (2, Gen.Choose(1, MaxBandMap).SelectMany(n => Gen.ArrayOf(Gen.Choose(1, 3), n))),
                (1, Gen.Choose(1, MaxBandMap).SelectMany(n => Gen.ArrayOf(Gen.Choose(-1, 4), n))))
            from resampling in Gen.Frequency((4, Gen.Choose(0, 7)), (1, Gen.Choose(-2, 16)))
            select (onDataset, write, element, map, (ResampleAlgorithm)resampling);
        var spacing =
            from mode in Gen.Elements(SpacingMode.Packed, SpacingMode.Explicit, SpacingMode.Shortcut)
            from pixel in Spacing(MaxPixelSpace)
            from line in Spacing(MaxLineSpace)
            from band in Spacing(MaxBandSpace)
            select (mode, pixel, line, band);
        var cases =
            from r in raster
            from w in Window(r.width, r.height)
            from bufferWidth in Gen.Frequency((9, Gen.Choose(1, MaxSide)), (1, Gen.Choose(-1, 0)))
            from bufferHeight in Gen.Frequency((9, Gen.Choose(1, MaxSide)), (1, Gen.Choose(-1, 0)))
            from c in call
            from s in spacing
            let sized = new RasterIOCase(
                c.onDataset, c.write, c.element, r.type, r.width, r.height, r.bands,
                w.x, w.y, w.width, w.height, bufferWidth, bufferHeight, s.mode, s.pixel, s.line, s.band, c.map, c.Item5, 0)
            from length in BufferLength(sized, r.bands)
            select sized with { BufferLength = length };
        return cases.ToArbitrary();
    }

    /// <summary>Mostly a window inside the raster, sometimes one that is not.</summary>
    private static Gen<(int x, int y, int width, int height)> Window(int rasterWidth, int rasterHeight)
    {
        var inside =
            from x in Gen.Choose(0, rasterWidth - 1)
            from y in Gen.Choose(0, rasterHeight - 1)
            from width in Gen.Choose(1, rasterWidth - x)
            from height in Gen.Choose(1, rasterHeight - y)
            select (x, y, width, height);
        var anywhere =
            from x in Gen.Choose(-1, 21)
            from y in Gen.Choose(-1, 21)
            from width in Gen.Choose(-1, 22)
            from height in Gen.Choose(-1, 22)
            select (x, y, width, height);
        return Gen.Frequency((4, inside), (1, anywhere));
    }

    /// <summary>0 (GDAL's packed default) often, small and odd values, now and then -1.</summary>
    private static Gen<long> Spacing(int max) =>
        Gen.Frequency(
            (3, Gen.Constant(0L)),
            (3, Gen.Choose(1, max).Select(v => (long)v)),
            (1, Gen.Choose(1, 16).Select(v => (long)v)),
            (1, Gen.Constant(-1L)));

    /// <summary>
    /// Buffer lengths around what the request needs with GDAL's packed defaults for 0 spacings (too small by one
    /// value or a lot, exact, larger), and now and then around the footprint a check ignoring the defaults would see.
    /// </summary>
    private static Gen<int> BufferLength(RasterIOCase call, int datasetBands)
    {
        var size = System.Runtime.InteropServices.Marshal.SizeOf(call.ElementType);
        var need = (int)Math.Clamp((RasterIOProperties.Footprint(call, size, datasetBands) + size - 1) / size, 0, MaxBufferLength);
        return Gen.Frequency(
            (3, Gen.Choose(Math.Max(0, need - 2), need + 2)),
            (1, Gen.Choose(0, need)),
            (1, Gen.Choose(need, Math.Min(MaxBufferLength, (need * 2) + 1))),
            (1, Gen.Choose(0, 4)));
    }
}
