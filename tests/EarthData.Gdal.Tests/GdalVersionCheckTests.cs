using EarthData.Gdal.Native;

namespace EarthData.Gdal.Tests;

public sealed class GdalVersionCheckTests
{
    [Theory]
    [InlineData(3060200, "Tested")]
    [InlineData(3060000, "Tested")]
    [InlineData(3070000, "Untested")]
    [InlineData(3100300, "Untested")]
    [InlineData(3050300, "Unsupported")]
    [InlineData(2040400, "Unsupported")]
    [InlineData(4000000, "Unsupported")]
    [InlineData(0, "Unsupported")]
    public void Classify_AcceptsGdal36_WarnsForLater3x_RefusesTheRest(int versionNum, string expected)
    {
        Assert.Equal(Enum.Parse<GdalVersionSupport>(expected), GdalVersionCheck.Classify(versionNum));
    }

    [Theory]
    [InlineData("3060200", 3060200)]
    [InlineData("", 0)]
    [InlineData(null, 0)]
    [InlineData("3.6.2", 0)]
    public void Parse_ReadsVersionNum_AndGivesZeroForAnythingElse(string? text, int expected)
    {
        Assert.Equal(expected, GdalVersionCheck.Parse(text));
    }

    [Fact]
    public void InstalledGdal_IsTheTestedRelease()
    {
        var versionNum = GdalVersionCheck.Parse(Native.NativeStrings.Copy(NativeMethods.GDALVersionInfo("VERSION_NUM")));

        Assert.Equal(GdalVersionSupport.Tested, GdalVersionCheck.Classify(versionNum));
        Assert.NotNull(GdalLibraryResolver.LoadedName);
    }
}
