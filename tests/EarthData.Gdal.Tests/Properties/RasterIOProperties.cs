using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace EarthData.Gdal.Tests.Properties;

/// <summary>
/// Whatever a caller passes to Read/Write on bands and datasets, the call either stays inside its buffer or throws a
/// managed exception. The buffer is the middle of a larger array whose guard bytes must come back unchanged; the
/// guards are larger than anything GDAL could touch with the generated arguments, so a regression fails the property
/// instead of corrupting the test host.
/// </summary>
public sealed class RasterIOProperties
{
    /// <summary>
    /// Bytes of guard on each side: more than the furthest byte any generated call can reach, which with GDAL's packed
    /// defaults is 23 × 24 + 23 × 576 + 3 × 13,824 + 8 = 55,280.
    /// </summary>
    public const int Guard = 64 * 1024;

    private const byte GuardValue = 0xA5;
    private const byte FillValue = 0x11;

    [RasterIOProperty]
    public void ReadWrite_StaysInsideTheBuffer_OrThrowsManagedException(RasterIOCase call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var size = Marshal.SizeOf(call.ElementType);
        var bytes = call.BufferLength * size;
        var memory = new byte[Guard + bytes + Guard];
        memory.AsSpan().Fill(GuardValue);
        memory.AsSpan(Guard, bytes).Fill(FillValue);
        using var dataset = GdalDataset.Create("MEM", string.Empty, call.RasterWidth, call.RasterHeight, call.Bands, call.RasterType);
        for (var b = 1; b <= call.Bands; b++)
        {
            dataset.GetBand(b).Fill(b * 10);
        }

        Exception? thrown = null;
        try
        {
            Execute(call, dataset, memory.AsSpan(Guard, bytes));
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or GdalException)
        {
            thrown = ex;
        }

        Assert.True(memory.AsSpan(0, Guard).IndexOfAnyExcept(GuardValue) < 0, $"GDAL wrote before the buffer: {call}");
        var past = memory.AsSpan(Guard + bytes).IndexOfAnyExcept(GuardValue);
        Assert.True(past < 0, $"GDAL wrote {past} bytes past the buffer: {call}");
        if (thrown is null)
        {
            // Writes read the buffer instead: GDAL's documented footprint of the request must fit it.
            Assert.True(Footprint(call, size, dataset.BandCount) <= bytes, $"the call succeeded but needs more than {bytes} bytes: {call}");
        }
    }

    [Fact]
    public void Property_RunsWithFixedSeed_UnlessTheEnvironmentAsksOtherwise()
    {
        var attribute = new RasterIOPropertyAttribute();

        if (Environment.GetEnvironmentVariable(RasterIOPropertyAttribute.SeedVariable) is null)
        {
            Assert.Equal(RasterIOPropertyAttribute.FixedSeed, attribute.Replay);
        }

        Assert.True(attribute.MaxTest > 0);
    }

    /// <summary>Furthest byte + 1 that GDAL touches for a call, with 0 spacings replaced by GDAL's packed defaults.</summary>
    internal static long Footprint(RasterIOCase call, int size, int datasetBands)
    {
        ArgumentNullException.ThrowIfNull(call);
        var bands = call.OnDataset ? (call.BandMap.Length == 0 ? datasetBands : call.BandMap.Length) : 1;
        var (bufferWidth, bufferHeight) = !call.OnDataset && call.Spacing == SpacingMode.Shortcut
            ? (call.Width, call.Height)
            : (call.BufferWidth, call.BufferHeight);
        long pixel, line, band;
        switch (call.Spacing)
        {
            case SpacingMode.Explicit:
                pixel = call.PixelSpace == 0 ? size : call.PixelSpace;
                line = call.LineSpace == 0 ? pixel * bufferWidth : call.LineSpace;
                band = call.BandSpace == 0 ? line * bufferHeight : call.BandSpace;
                break;
            case SpacingMode.Shortcut when call.OnDataset && !call.Write:
                pixel = (long)size * bands;
                line = pixel * bufferWidth;
                band = size;
                break;
            default:
                pixel = size;
                line = pixel * bufferWidth;
                band = line * bufferHeight;
                break;
        }

        if (!call.OnDataset)
        {
            band = 0;
        }

        return ((bufferWidth - 1) * pixel) + ((bufferHeight - 1) * line) + ((bands - 1) * band) + size;
    }

    private static void Execute(RasterIOCase call, GdalDataset dataset, Span<byte> buffer)
    {
        switch (Type.GetTypeCode(call.ElementType))
        {
            case TypeCode.Byte: Execute<byte>(call, dataset, buffer); break;
            case TypeCode.SByte: Execute<sbyte>(call, dataset, buffer); break;
            case TypeCode.UInt16: Execute<ushort>(call, dataset, buffer); break;
            case TypeCode.Int16: Execute<short>(call, dataset, buffer); break;
            case TypeCode.Single: Execute<float>(call, dataset, buffer); break;
            case TypeCode.Double: Execute<double>(call, dataset, buffer); break;
            default: throw new InvalidOperationException($"No generator for {call.ElementType}.");
        }
    }

    private static void Execute<T>(RasterIOCase c, GdalDataset dataset, Span<byte> bytes)
        where T : unmanaged
    {
        var buffer = MemoryMarshal.Cast<byte, T>(bytes);
        Assert.Equal(bytes.Length, buffer.Length * Unsafe.SizeOf<T>());
        if (c.OnDataset)
        {
            ExecuteOnDataset<T>(c, dataset, buffer);
            return;
        }

        var band = dataset.GetBand(1);
        switch (c.Spacing, c.Write)
        {
            case (SpacingMode.Packed, false):
                band.Read(c.X, c.Y, c.Width, c.Height, buffer, c.BufferWidth, c.BufferHeight, c.Resampling);
                break;
            case (SpacingMode.Packed, true):
                band.Write(c.X, c.Y, c.Width, c.Height, (ReadOnlySpan<T>)buffer, c.BufferWidth, c.BufferHeight);
                break;
            case (SpacingMode.Explicit, false):
                band.Read(c.X, c.Y, c.Width, c.Height, buffer, c.BufferWidth, c.BufferHeight, c.PixelSpace, c.LineSpace, c.Resampling);
                break;
            case (SpacingMode.Explicit, true):
                band.Write(c.X, c.Y, c.Width, c.Height, (ReadOnlySpan<T>)buffer, c.BufferWidth, c.BufferHeight, c.PixelSpace, c.LineSpace);
                break;
            case (SpacingMode.Shortcut, false):
                band.Read(c.X, c.Y, c.Width, c.Height, buffer);
                break;
            case (SpacingMode.Shortcut, true):
                band.Write(c.X, c.Y, c.Width, c.Height, (ReadOnlySpan<T>)buffer);
                break;
        }
    }

    private static void ExecuteOnDataset<T>(RasterIOCase c, GdalDataset dataset, Span<T> buffer)
        where T : unmanaged
    {
        switch (c.Spacing, c.Write)
        {
            case (SpacingMode.Packed, false):
                dataset.Read(c.X, c.Y, c.Width, c.Height, buffer, c.BufferWidth, c.BufferHeight, c.BandMap, c.Resampling);
                break;
            case (SpacingMode.Packed or SpacingMode.Shortcut, true):
                dataset.Write(c.X, c.Y, c.Width, c.Height, (ReadOnlySpan<T>)buffer, c.BufferWidth, c.BufferHeight, c.BandMap);
                break;
            case (SpacingMode.Explicit, false):
                dataset.Read(c.X, c.Y, c.Width, c.Height, buffer, c.BufferWidth, c.BufferHeight, c.BandMap, c.PixelSpace, c.LineSpace, c.BandSpace, c.Resampling);
                break;
            case (SpacingMode.Explicit, true):
                dataset.Write(c.X, c.Y, c.Width, c.Height, (ReadOnlySpan<T>)buffer, c.BufferWidth, c.BufferHeight, c.BandMap, c.PixelSpace, c.LineSpace, c.BandSpace);
                break;
            case (SpacingMode.Shortcut, false):
                dataset.ReadPixelInterleaved(c.X, c.Y, c.Width, c.Height, buffer, c.BufferWidth, c.BufferHeight, c.BandMap, c.Resampling);
                break;
        }
    }
}
