namespace EarthData.Gdal.Tests;

public sealed class GdalDataTypesTests
{
    [Fact]
    public void Of_MapsEveryPrimitive_ToMatchingGdalType()
    {
        Assert.Equal(GdalDataType.Byte, GdalDataTypes.Of<byte>());
        Assert.Equal(GdalDataType.Int8, GdalDataTypes.Of<sbyte>());
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
