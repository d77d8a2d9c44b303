namespace EarthData.Gdal.Tests;

/// <summary>
/// A spacing of 0 makes GDAL use its packed default (pixel = element size, line = pixel × buffer width,
/// band = line × buffer height): the buffer check must measure that footprint, not one of zero stride.
/// </summary>
public sealed class RasterIOSpacingTests
{
    private const int Guard = 64 * 1024;
    private const byte GuardValue = 0xA5;

    /// <summary>A byte array whose middle <paramref name="length"/> bytes are the span under test, guard bytes around it.</summary>
    private static byte[] Guarded(int length)
    {
        var memory = new byte[Guard + length + Guard];
        memory.AsSpan().Fill(GuardValue);
        return memory;
    }

    private static void AssertGuardsIntact(byte[] memory, int length)
    {
        Assert.True(memory.AsSpan(0, Guard).IndexOfAnyExcept(GuardValue) < 0, "GDAL wrote before the buffer");
        var after = memory.AsSpan(Guard + length).IndexOfAnyExcept(GuardValue);
        Assert.True(after < 0, $"GDAL wrote {after} bytes past the end of the buffer");
    }

    [Fact]
    public void BandRead_RefusesZeroSpacings_WhenPackedFootprintExceedsBuffer()
    {
        using var dataset = TestRasters.CreateSequential(100, 100);
        var memory = Guarded(1);

        Assert.Throws<ArgumentException>(() =>
            dataset.GetBand(1).Read(0, 0, 100, 100, memory.AsSpan(Guard, 1), 100, 100, pixelSpace: 0, lineSpace: 0));

        AssertGuardsIntact(memory, 1);
    }

    [Fact]
    public void BandWrite_RefusesZeroSpacings_WhenPackedFootprintExceedsBuffer()
    {
        using var dataset = TestRasters.CreateSequential(100, 100);
        var before = new byte[100 * 100];
        dataset.GetBand(1).Read(0, 0, 100, 100, (Span<byte>)before);
        var memory = Guarded(1);

        Assert.Throws<ArgumentException>(() =>
            dataset.GetBand(1).Write(0, 0, 100, 100, (ReadOnlySpan<byte>)memory.AsSpan(Guard, 1), 100, 100, pixelSpace: 0, lineSpace: 0));

        var after = new byte[100 * 100];
        dataset.GetBand(1).Read(0, 0, 100, 100, (Span<byte>)after);
        Assert.Equal(before, after);
    }

    [Fact]
    public void DatasetRead_RefusesZeroBandSpacing_WhenPackedBandsExceedBuffer()
    {
        using var dataset = TestRasters.CreateSequential(100, 100, bands: 3);
        var memory = Guarded(10_000);

        Assert.Throws<ArgumentException>(() =>
            dataset.Read(0, 0, 100, 100, memory.AsSpan(Guard, 10_000), 100, 100, default, pixelSpace: 1, lineSpace: 100, bandSpace: 0));

        AssertGuardsIntact(memory, 10_000);
    }

    [Fact]
    public void DatasetWrite_RefusesZeroSpacings_WhenPackedFootprintExceedsBuffer()
    {
        using var dataset = TestRasters.CreateSequential(100, 100, bands: 3);
        var memory = Guarded(10_000);

        Assert.Throws<ArgumentException>(() =>
            dataset.Write(0, 0, 100, 100, (ReadOnlySpan<byte>)memory.AsSpan(Guard, 10_000), 100, 100, default, 0, 0, 0));
    }

    [Fact]
    public void BandRead_WithZeroSpacings_ReadsPacked_WhenBufferHoldsTheWindow()
    {
        using var dataset = TestRasters.CreateSequential(4, 3, type: GdalDataType.UInt16);
        var memory = Guarded(4 * 3 * sizeof(ushort));

        dataset.GetBand(1).Read(0, 0, 4, 3, System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ushort>(memory.AsSpan(Guard, 24)), 4, 3, 0, 0);

        AssertGuardsIntact(memory, 24);
        Assert.Equal(
            [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
            System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ushort>(memory.AsSpan(Guard, 24)).ToArray());
    }

    [Fact]
    public void DatasetRead_WithZeroBandSpacing_ReadsBandSequential_WhenBufferHoldsEveryBand()
    {
        using var dataset = TestRasters.CreateSequential(2, 2, bands: 2);
        var memory = Guarded(8);

        dataset.Read(0, 0, 2, 2, memory.AsSpan(Guard, 8), 2, 2, default, 0, 0, 0);

        AssertGuardsIntact(memory, 8);
        Assert.Equal([1, 2, 3, 4, 101, 102, 103, 104], memory.AsSpan(Guard, 8).ToArray());
    }
}
