using EarthData.Core.Scenes;

namespace EarthData.Core.Tests.Scenes;

public class SceneIdTests
{
    [Theory]
    [InlineData("CBERS_4_MUX_20170528_090_084_L2", CbersSatellite.Cbers4, CbersCamera.Mux, "CBERS4-MUX")]
    [InlineData("CBERS_4_AWFI_20170409_167_123_L4", CbersSatellite.Cbers4, CbersCamera.Awfi, "CBERS4-AWFI")]
    [InlineData("CBERS_4_PAN5M_20170425_153_114_L4", CbersSatellite.Cbers4, CbersCamera.Pan5M, "CBERS4-PAN5M")]
    [InlineData("CBERS_4_PAN10M_20190201_180_125_L2", CbersSatellite.Cbers4, CbersCamera.Pan10M, "CBERS4-PAN10M")]
    [InlineData("CBERS_4A_MUX_20200808_201_137_L4", CbersSatellite.Cbers4A, CbersCamera.Mux, "CBERS4A-MUX")]
    [InlineData("CBERS_4A_WFI_20200801_221_156_L4", CbersSatellite.Cbers4A, CbersCamera.Wfi, "CBERS4A-WFI")]
    [InlineData("CBERS_4A_WPM_20200730_209_139_L2B", CbersSatellite.Cbers4A, CbersCamera.Wpm, "CBERS4A-WPM")]
    [InlineData("CBERS_4A_WFI_20200801_221_156_L3_LEFT", CbersSatellite.Cbers4A, CbersCamera.Wfi, "CBERS4A-WFI")]
    [InlineData("CBERS_4A_WFI_20200801_221_156_L4_RIGHT", CbersSatellite.Cbers4A, CbersCamera.Wfi, "CBERS4A-WFI")]
    public void Parse_RoundTripsAndExposesParts_WhenIdIsValid(string text, CbersSatellite satellite, CbersCamera camera, string collection)
    {
        var id = SceneId.Parse(text);

        Assert.Equal(text, id.ToString());
        Assert.Equal(satellite, id.Satellite);
        Assert.Equal(camera, id.Camera);
        Assert.Equal(collection, id.CollectionId);
        Assert.Equal(id, SceneId.Parse(id.ToString()));
    }

    [Fact]
    public void Parse_ReadsEveryPart_WhenIdHasOpticsSuffix()
    {
        var id = SceneId.Parse("CBERS_4A_WFI_20200801_221_156_L4_LEFT");

        Assert.Equal(new DateOnly(2020, 8, 1), id.AcquisitionDate);
        Assert.Equal(221, id.Path);
        Assert.Equal(156, id.Row);
        Assert.Equal(ProcessingLevel.L4, id.Level);
        Assert.Equal(Optics.Left, id.Optics);
        Assert.Equal("CBERS_4A_WFI_20200801_221_156_L4", id.WithoutOptics().ToString());
    }

    [Fact]
    public void ToString_PadsPathAndRow_WhenBuiltFromParts()
    {
        var id = new SceneId(CbersSatellite.Cbers4, CbersCamera.Mux, new DateOnly(2017, 5, 28), 90, 84, ProcessingLevel.L2);

        Assert.Equal("CBERS_4_MUX_20170528_090_084_L2", id.ToString());
        Assert.Equal("CBERS4/MUX/090/084/CBERS_4_MUX_20170528_090_084_L2", id.ArchiveDirectory);
    }

    [Fact]
    public void Parse_RoundTrips_ForEveryCameraLevelAndOptics()
    {
        var count = 0;
        foreach (var camera in CameraCatalog.All)
        {
            foreach (var level in Enum.GetValues<ProcessingLevel>())
            {
                foreach (var optics in Enum.GetValues<Optics>())
                {
                    var id = new SceneId(camera.Satellite, camera.Camera, new DateOnly(2021, 12, 31), 7, 123, level, optics);
                    var parsed = SceneId.Parse(id.ToString());
                    Assert.Equal(id, parsed);
                    Assert.Equal(id.GetHashCode(), parsed.GetHashCode());
                    count++;
                }
            }
        }

        Assert.Equal(7 * 4 * 3, count);
    }

    [Fact]
    public void Equality_AllowsUseAsDictionaryKey_WhenParsedTwice()
    {
        var map = new Dictionary<SceneId, int> { [SceneId.Parse("CBERS_4_MUX_20170528_090_084_L2")] = 1 };

        Assert.Equal(1, map[SceneId.Parse("CBERS_4_MUX_20170528_090_084_L2")]);
        Assert.False(map.ContainsKey(SceneId.Parse("CBERS_4_MUX_20170528_090_084_L4")));
    }

    [Theory]
    [InlineData("CBERS_4_MUX_2017_090_084_L2", "acquisition date '2017' is not yyyyMMdd")]
    [InlineData("CBERS_4_MUX_20171328_090_084_L2", "acquisition date '20171328' is not yyyyMMdd")]
    [InlineData("LANDSAT_4_MUX_20170528_090_084_L2", "prefix 'LANDSAT' is not 'CBERS'")]
    [InlineData("CBERS_5_MUX_20170528_090_084_L2", "satellite '5' is not '4' or '4A'")]
    [InlineData("CBERS_4_HRC_20170528_090_084_L2", "camera 'HRC' is not one of")]
    [InlineData("CBERS_4A_AWFI_20170528_090_084_L2", "camera 'AWFI' is not carried by CBERS4A")]
    [InlineData("CBERS_4_WFI_20170528_090_084_L2", "camera 'WFI' is not carried by CBERS4")]
    [InlineData("CBERS_4A_PAN10M_20170528_090_084_L2", "camera 'PAN10M' is not carried by CBERS4A")]
    [InlineData("CBERS_4_MUX_20170528_90_084_L2", "path '90' is not 3 digits")]
    [InlineData("CBERS_4_MUX_20170528_090_08A_L2", "row '08A' is not 3 digits")]
    [InlineData("CBERS_4_MUX_20170528_090_084_L5", "level 'L5' is not one of L2, L2B, L3, L4")]
    [InlineData("CBERS_4A_WFI_20200801_221_156_L4_MIDDLE", "optics suffix 'MIDDLE' is not LEFT or RIGHT")]
    [InlineData("CBERS_4_MUX_20170528_090_084", "expected 7 or 8 '_'-separated parts")]
    [InlineData("", "expected 7 or 8 '_'-separated parts")]
    [InlineData("cbers_4_mux_20170528_090_084_l2", "prefix 'cbers' is not 'CBERS'")]
    public void Parse_ThrowsNamingTheWrongPart_WhenIdIsInvalid(string text, string expected)
    {
        var ex = Assert.Throws<InvalidSceneIdException>(() => SceneId.Parse(text));

        Assert.StartsWith($"'{text}': ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<FormatException>(ex);
        Assert.False(SceneId.TryParse(text, out _));
    }

    [Fact]
    public void Constructor_Throws_WhenSatelliteLacksCamera()
    {
        var ex = Assert.Throws<ArgumentException>(
            () => new SceneId(CbersSatellite.Cbers4A, CbersCamera.Awfi, new DateOnly(2020, 1, 1), 1, 1, ProcessingLevel.L4));

        Assert.Contains("CBERS4A has no AWFI camera", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BandFileName_AppendsBandAndExtension_WithOrWithoutDot()
    {
        var id = SceneId.Parse("CBERS_4_MUX_20170528_090_084_L2");

        Assert.Equal("CBERS_4_MUX_20170528_090_084_L2_BAND6.tif", id.BandFileName(6, "tif"));
        Assert.Equal("CBERS_4_MUX_20170528_090_084_L2_BAND6.xml", id.BandFileName(6, ".xml"));
    }
}
