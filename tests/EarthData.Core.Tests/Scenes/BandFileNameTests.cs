using EarthData.Core.Scenes;

namespace EarthData.Core.Tests.Scenes;

public class BandFileNameTests
{
    [Theory]
    [InlineData("CBERS_4_MUX_20170528_090_084_L2_BAND6.tif", "CBERS_4_MUX_20170528_090_084_L2", 6, "tif")]
    [InlineData("CBERS_4A_WPM_20200730_209_139_L4_BAND0.tif", "CBERS_4A_WPM_20200730_209_139_L4", 0, "tif")]
    [InlineData("CBERS_4A_WFI_20200801_221_156_L4_LEFT_BAND13.xml", "CBERS_4A_WFI_20200801_221_156_L4_LEFT", 13, "xml")]
    [InlineData("CBERS_4_AWFI_20170409_167_123_L4_BAND16.TIF", "CBERS_4_AWFI_20170409_167_123_L4", 16, "TIF")]
    public void Parse_SplitsSceneBandAndExtension_WhenNameIsValid(string name, string scene, int band, string extension)
    {
        var parsed = BandFileName.Parse(name);

        Assert.Equal(SceneId.Parse(scene), parsed.SceneId);
        Assert.Equal(band, parsed.Band);
        Assert.Equal(extension, parsed.Extension);
        Assert.Equal(name, parsed.ToString());
    }

    [Theory]
    [InlineData("CBERS_4_MUX_20170528_090_084_L2_BAND13.tif", "band 13 is not a band of CBERS4-MUX (5, 6, 7, 8)")]
    [InlineData("CBERS_4_MUX_20170528_090_084_L2_BAND6", "no extension")]
    [InlineData("CBERS_4_MUX_20170528_090_084_L2.tif", "no '_BAND{n}'")]
    [InlineData("CBERS_4_MUX_20170528_090_084_L2_BANDX.tif", "band 'X' is not a band number")]
    [InlineData("CBERS_4_MUX_2017_090_084_L2_BAND6.tif", "acquisition date '2017' is not yyyyMMdd")]
    public void Parse_ThrowsNamingTheWrongPart_WhenNameIsInvalid(string name, string expected)
    {
        var ex = Assert.Throws<InvalidSceneIdException>(() => BandFileName.Parse(name));

        Assert.Contains(name, ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.False(BandFileName.TryParse(name, out _));
    }
}
