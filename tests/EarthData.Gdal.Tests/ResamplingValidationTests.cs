using EarthData.Gdal.Tests.Child;

namespace EarthData.Gdal.Tests;

/// <summary>
/// GDAL looks a resampled read's kernel up by the enum value: an undefined value (8–13 are reserved, anything
/// above the last) calls a null function pointer. The binding refuses undefined values first.
/// </summary>
public sealed class ResamplingValidationTests
{
    [Fact]
    public void ResampledRead_ThrowsArgumentOutOfRange_ForEveryUndefinedResampling()
    {
        var result = ChildProcess.Run("undefined-resampling");
        Assert.True(result.Succeeded, result.ToString());
        Assert.Contains("ok: every undefined resampling value refused", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void ParsedResampling_IsRefused_WhenConfigurationTextIsANumberGdalDoesNotKnow()
    {
        using var dataset = TestRasters.CreateSequential(8, 8);
        var parsed = Enum.Parse<ResampleAlgorithm>("8");

        Assert.Throws<ArgumentOutOfRangeException>(() =>
            dataset.GetBand(1).Read(0, 0, 8, 8, (Span<byte>)new byte[16], 4, 4, parsed));
    }

    [Theory]
    [InlineData(ResampleAlgorithm.Average)]
    [InlineData(ResampleAlgorithm.Gauss)]
    [InlineData(ResampleAlgorithm.RootMeanSquare)]
    public void ResampledRead_Succeeds_ForDefinedResampling(ResampleAlgorithm resampling)
    {
        using var dataset = TestRasters.CreateSequential(8, 8, type: GdalDataType.Float32);
        var buffer = new float[16];

        dataset.GetBand(1).Read(0, 0, 8, 8, (Span<float>)buffer, 4, 4, resampling);

        Assert.All(buffer, value => Assert.InRange(value, 1f, 64f));
    }
}
