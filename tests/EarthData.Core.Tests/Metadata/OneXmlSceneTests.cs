using EarthData.Core.Metadata;
using EarthData.Core.Scenes;

namespace EarthData.Core.Tests.Metadata;

/// <summary>
/// A scene folder with every band GeoTIFF and one real INPE XML (as mirrors often deliver) is a scene: the XML lists
/// the calibration of every band. Two XMLs of one scene that disagree on its geometry or time are still an error.
/// </summary>
public sealed class OneXmlSceneTests : IDisposable
{
    private const string Id = "CBERS_4_MUX_20170528_090_084_L2";
    private const string RealXml = Id + "_BAND6.xml";

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Read_AllTiffsAndOneRealXml_CalibratesEveryBandFromItAndNamesIt()
    {
        var directory = SceneFolder();

        var scene = SceneMetadata.Read(ArchiveLayout.Locate(directory));

        Assert.Equal(Id, scene.Id.ToString());
        Assert.Equal(RealXml, scene.PrimarySource);
        Assert.Equal(new Dictionary<int, double> { [5] = 1.51123, [6] = 1.5762, [7] = 1.55192, [8] = 1.1761 }, scene.CalibrationCoefficients);
        Assert.All(scene.CalibrationSources.Values, source => Assert.Equal(RealXml, source));
        Assert.Equal(32635, scene.Epsg);
    }

    [Fact]
    public void Read_TwoXmlsThatAgree_MergeWithEachBandsOwnFile()
    {
        var directory = SceneFolder();
        WriteVariant(directory, band: 7, text => text);

        var scene = SceneMetadata.Read(ArchiveLayout.Locate(directory));

        Assert.Equal([6, 7], scene.Bands);
        Assert.Equal(RealXml, scene.CalibrationSources[5]);
    }

    [Theory]
    [InlineData("<center>2017-05-28T09:01:17.927</center>", "<center>2017-05-28T09:02:17.927</center>", "viewing centre")]
    [InlineData("<latitude>14.970944</latitude>", "<latitude>15.470944</latitude>", "bounding-box corner")]
    public void Read_TwoXmlsDisagreeingOnTimeOrGeometry_IsAnErrorNamingBoth(string original, string changed, string what)
    {
        var directory = SceneFolder();
        WriteVariant(directory, band: 7, text =>
        {
            var at = text.IndexOf(original, StringComparison.Ordinal);
            Assert.True(at >= 0, original);
            return string.Concat(text.AsSpan(0, at), changed, text.AsSpan(at + original.Length));
        });

        var ex = Assert.Throws<InvalidSceneException>(() => SceneMetadata.Read(ArchiveLayout.Locate(directory)));

        Assert.Contains(Id + "_BAND7.xml and " + RealXml + " disagree", ex.Message, StringComparison.Ordinal);
        Assert.Contains(what, ex.Message, StringComparison.Ordinal);
    }

    /// <summary>A scene folder with empty band GeoTIFFs (only their presence matters here) and a copy of the real XML.</summary>
    private string SceneFolder()
    {
        var directory = Path.Combine(_temp.Path, Id);
        foreach (var band in new[] { 5, 6, 7, 8 })
        {
            _temp.Touch(Id, $"{Id}_BAND{band}.tif");
        }

        File.Copy(SharedFixtures.Xml(RealXml), Path.Combine(directory, RealXml));
        return directory;
    }

    /// <summary>Writes the real XML as band <paramref name="band"/>'s own file, edited by <paramref name="edit"/>.</summary>
    private static void WriteVariant(string directory, int band, Func<string, string> edit)
    {
        var text = File.ReadAllText(SharedFixtures.Xml(RealXml)).Replace("<band6>", $"<band{band}>", StringComparison.Ordinal)
            .Replace("</band6>", $"</band{band}>", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(directory, $"{Id}_BAND{band}.xml"), edit(text));
    }
}
