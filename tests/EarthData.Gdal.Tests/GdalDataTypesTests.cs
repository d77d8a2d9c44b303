namespace EarthData.Gdal.Tests;

public sealed class GdalDataTypesTests
{
    [Fact]
    public void Of_MapsEveryPrimitive_ToMatchingGdalType()
    {
        Assert.Equal(GdalDataType.Byte, GdalDataTypes.Of<byte>());
        Assert.Equal(GdalDataType.UInt16, GdalDataTypes.Of<ushort>());
        Assert.Equal(GdalDataType.Int16, GdalDataTypes.Of<short>());
        Assert.Equal(GdalDataType.UInt32, GdalDataTypes.Of<uint>());
        Assert.Equal(GdalDataType.Int32, GdalDataTypes.Of<int>());
        Assert.Equal(GdalDataType.Float32, GdalDataTypes.Of<float>());
        Assert.Equal(GdalDataType.Float64, GdalDataTypes.Of<double>());
        Assert.Equal(GdalDataType.UInt64, GdalDataTypes.Of<ulong>());
        Assert.Equal(GdalDataType.Int64, GdalDataTypes.Of<long>());
    }

    [Fact]
    public void Of_Throws_WhenTypeHasNoGdalEquivalent()
    {
        Assert.Throws<NotSupportedException>(() => GdalDataTypes.Of<char>());
    }

    [Fact]
    public void Of_ThrowsNotSupported_ForSbyte_BecauseGdal36HasNoInt8()
    {
        Assert.Throws<NotSupportedException>(() => GdalDataTypes.Of<sbyte>());
    }

    [Fact]
    public void BandRead_ThrowsNotSupported_ForSbyte_InsteadOfLeavingTheBufferUntouched()
    {
        using var dataset = TestRasters.CreateSequential(4, 1);
        var buffer = new sbyte[4];

        Assert.Throws<NotSupportedException>(() => dataset.GetBand(1).Read(0, 0, 4, 1, (Span<sbyte>)buffer));
    }

    [Theory]
    [InlineData(14)] // GDT_TypeCount in 3.6; Int8 only from GDAL 3.7.
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(99)]
    public void Create_ThrowsArgumentOutOfRange_ForTypeGdal36DoesNotKnow(int type)
    {
        using var scope = new VsiMemScope();

        Assert.Throws<ArgumentOutOfRangeException>(() => GdalDataset.Create("GTiff", scope.GetPath("t.tif"), 2, 2, 1, (GdalDataType)type));
        Assert.Throws<ArgumentOutOfRangeException>(() => GdalDataset.Create("MEM", string.Empty, 2, 2, 1, (GdalDataType)type));
    }

    [Fact]
    public void GdalDataType_DefinesExactlyGdal36Types()
    {
        Assert.Equal(Enumerable.Range(0, 14), Enum.GetValues<GdalDataType>().Select(t => (int)t).Order());
    }

    [Theory]
    [InlineData(GdalDataType.Byte, 1)]
    [InlineData(GdalDataType.Int16, 2)]
    [InlineData(GdalDataType.Float32, 4)]
    [InlineData(GdalDataType.Float64, 8)]
    [InlineData(GdalDataType.CFloat64, 16)]
    [InlineData(GdalDataType.Unknown, 0)]
    public void SizeInBytes_MatchesGdal(GdalDataType type, int expected)
    {
        Assert.Equal(expected, type.SizeInBytes());
    }
}
