using EarthData.Core.Metadata;
using EarthData.Core.Radiometry;

namespace EarthData.Core.Tests.Radiometry;

public class ReflectancePlausibilityTests
{
    [Fact]
    public void Check_FlagsEveryBand_OfTheRealCbers4AwfiCalibration()
    {
        var (bands, factors) = FixtureFactors("CBERS_4_AWFI_20170409_167_123_L4_BAND14.xml");

        var messages = ReflectancePlausibility.Check(bands, factors);

        Assert.Equal(4, messages.Count);
        Assert.All(factors, f => Assert.InRange(1023 * f, 2.5, 6.0));
        Assert.Contains("band 13 DN 1023", messages[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Check_AcceptsTheRealCbers4MuxCalibration()
    {
        var (bands, factors) = FixtureFactors("CBERS_4_MUX_20170528_090_084_L2_BAND6.xml");

        Assert.Empty(ReflectancePlausibility.Check(bands, factors));
    }

    [Fact]
    public void Check_FlagsOnlyTheBandAboveTheLimit()
    {
        var bands = EarthData.Core.Scenes.CameraCatalog.ForCollection("CBERS4-MUX").Bands;

        var messages = ReflectancePlausibility.Check(bands, [0.001, 0.001, 1.21 / 255, 0.001]);

        Assert.Equal(bands[2].Number.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(messages).Split(' ')[3]);
    }

    private static (IReadOnlyList<EarthData.Core.Scenes.BandSpec> Bands, double[] Factors) FixtureFactors(string xml)
    {
        var metadata = SceneMetadata.From(InpeMetadataReader.ReadFile(SharedFixtures.Xml(xml)));
        var date = DateOnly.FromDateTime(metadata.AcquisitionCenter);
        var bands = metadata.Camera.Bands;
        return (bands, [.. bands.Select(b => ToaReflectance.Factor(metadata.CalibrationCoefficients[b.Number], b, metadata.SunElevation, date))]);
    }
}
