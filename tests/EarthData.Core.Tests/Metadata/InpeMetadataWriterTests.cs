using System.Text;
using System.Xml.Linq;
using EarthData.Core.Metadata;

namespace EarthData.Core.Tests.Metadata;

public class InpeMetadataWriterTests
{
    public static TheoryData<string> Fixtures => SharedFixtures.XmlFiles;

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Write_RoundTripsThroughReader_ForEveryFixture(string file)
    {
        var original = InpeMetadataReader.ReadFile(SharedFixtures.Xml(file));

        var written = WriteToBytes(original);
        var reread = InpeMetadataReader.Read(new MemoryStream(written), file);

        Assert.Equal(original.SceneId, reread.SceneId);
        Assert.Equal(original.Band, reread.Band);
        Assert.Equal(original.Cameras.Count, reread.Cameras.Count);
        for (var i = 0; i < original.Cameras.Count; i++)
        {
            var expected = original.Cameras[i];
            var actual = reread.Cameras[i];
            Assert.Equal(expected.AvailableBands, actual.AvailableBands);
            Assert.Equal(expected.AbsoluteCalibrationCoefficients, actual.AbsoluteCalibrationCoefficients);
            Assert.Equal(
                expected with { AvailableBands = actual.AvailableBands, AbsoluteCalibrationCoefficients = actual.AbsoluteCalibrationCoefficients },
                actual);
        }

        var expectedScene = SceneMetadata.From(original);
        var actualScene = SceneMetadata.From(reread);
        Assert.Equal(expectedScene.Datetime, actualScene.Datetime);
        Assert.Equal(expectedScene.BoundingBox, actualScene.BoundingBox);
        Assert.Equal(expectedScene.Footprint.Ring, actualScene.Footprint.Ring);
        Assert.Equal(written, WriteToBytes(reread));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Write_UsesOnlyElementPathsOfTheRealFile_OfTheSameCamera(string file)
    {
        var real = ElementPaths(XDocument.Load(SharedFixtures.Xml(file)));
        var written = ElementPaths(InpeMetadataWriter.ToXDocument(InpeMetadataReader.ReadFile(SharedFixtures.Xml(file))));

        Assert.Empty(written.Except(real));
        Assert.Contains("prdf/image/sunPosition/elevation", file.Contains("_WFI_", StringComparison.Ordinal)
            ? written.Select(p => p.Replace("leftCamera/", string.Empty, StringComparison.Ordinal)) : written);
    }

    [Fact]
    public void ToXDocument_UsesInpeRootAndNamespace()
    {
        var document = InpeMetadataWriter.ToXDocument(InpeMetadataReader.ReadFile(SharedFixtures.Xml(SharedFixtures.XmlFileNames[0])));

        Assert.Equal(XName.Get("prdf", "http://www.gisplan.com.br/xmlsat"), document.Root!.Name);
        Assert.All(document.Descendants(), e => Assert.Equal("http://www.gisplan.com.br/xmlsat", e.Name.NamespaceName));
    }

    [Fact]
    public void WriteFile_ProducesAFileTheReaderAccepts()
    {
        var original = InpeMetadataReader.ReadFile(SharedFixtures.Xml("CBERS_4A_WPM_20200730_209_139_L4_BAND2.xml"));
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "CBERS_4A_WPM_20200730_209_139_L4_BAND2.xml");

        InpeMetadataWriter.WriteFile(original, path);

        Assert.Equal(original.SceneId, InpeMetadataReader.ReadFile(path).SceneId);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"", File.ReadAllText(path, Encoding.UTF8), StringComparison.OrdinalIgnoreCase);
    }

    private static byte[] WriteToBytes(InpeBandMetadata metadata)
    {
        using var stream = new MemoryStream();
        InpeMetadataWriter.Write(metadata, stream);
        return stream.ToArray();
    }

    private static HashSet<string> ElementPaths(XDocument document) =>
        [.. document.Descendants().Select(e => string.Join('/', e.AncestorsAndSelf().Reverse().Select(a => a.Name.LocalName)))];
}
