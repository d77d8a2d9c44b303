using System.Text;
using System.Xml.Linq;
using EarthData.Core.Metadata;
using EarthData.Core.Scenes;

namespace EarthData.Core.Tests.Metadata;

public class InpeMetadataReaderTests
{
    private const double DegreeTolerance = 1e-4;

    public static TheoryData<string> Fixtures => SharedFixtures.XmlFiles;

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void ReadFile_DerivesIdCollectionAndDatetime_AsReferenceItem(string file)
    {
        var expected = ReferenceItem.For(file);

        var scene = SceneMetadata.From(InpeMetadataReader.ReadFile(SharedFixtures.Xml(file)));

        Assert.Equal(expected.Id, scene.Id.ToString());
        Assert.Equal(expected.Collection, scene.CollectionId);
        Assert.Equal(expected.Datetime, scene.Datetime);
        Assert.Equal(DateTimeKind.Utc, scene.Datetime.Kind);
        Assert.Equal(expected.Gsd, scene.Camera.Gsd);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void ReadFile_DerivesBboxEpsgAndSunAngles_AsReferenceItem(string file)
    {
        var expected = ReferenceItem.For(file);

        var scene = SceneMetadata.From(InpeMetadataReader.ReadFile(SharedFixtures.Xml(file)));

        var bbox = scene.BoundingBox.ToArray();
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(expected.Bbox[i], bbox[i], DegreeTolerance);
        }

        Assert.Equal(expected.Epsg, scene.Epsg);
        Assert.Equal(expected.SunElevation, scene.SunElevation, 1e-6);
        Assert.Equal(expected.SunAzimuth, scene.SunAzimuth, 1e-6);
        if (expected.OffNadir is { } offNadir)
        {
            Assert.Equal(offNadir, scene.OffNadir!.Value, 1e-9);
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void ReadFile_BuildsCounterClockwiseFootprint_MatchingReferenceGeometry(string file)
    {
        var expected = ReferenceItem.For(file);

        var scene = SceneMetadata.From(InpeMetadataReader.ReadFile(SharedFixtures.Xml(file)));

        Assert.Equal(5, scene.Footprint.Ring.Count);
        Assert.True(EarthData.Core.Geometry.Polygon.IsCounterClockwise(scene.Footprint.Ring));
        Assert.True(scene.Envelope.Contains(scene.Footprint.Envelope));
        if (expected.Ring is { } ring)
        {
            Assert.Equal(ring.Length, scene.Footprint.Ring.Count);
            for (var i = 0; i < ring.Length; i++)
            {
                Assert.Equal(ring[i][0], scene.Footprint.Ring[i].Lon, 1e-6);
                Assert.Equal(ring[i][1], scene.Footprint.Ring[i].Lat, 1e-6);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void ReadFile_ReadsGridAndBand_ConsistentWithFileName(string file)
    {
        var band = InpeMetadataReader.ReadFile(SharedFixtures.Xml(file));

        var name = BandFileName.Parse(file);
        Assert.Equal(name.SceneId, band.SceneId);
        Assert.Equal(name.Band, band.Band);
        Assert.Equal(file, band.SourceName);
        foreach (var camera in band.Cameras)
        {
            var box = camera.BoundingBox;
            Assert.Equal(camera.Columns, (box.UpperRight.Easting - box.UpperLeft.Easting) / camera.HorizontalPixelSize, 0);
            Assert.Equal(camera.Lines, (box.UpperLeft.Northing - box.LowerLeft.Northing) / camera.VerticalPixelSize, 0);
            Assert.Contains(band.Band, camera.AvailableBands);
            Assert.Equal(band.SceneId.Path, camera.Path);
            Assert.Equal(band.SceneId.Row, camera.Row);
        }
    }

    [Fact]
    public void ReadFile_ReadsBothOptics_ForCbers4AWfi()
    {
        var band = InpeMetadataReader.ReadFile(SharedFixtures.Xml("CBERS_4A_WFI_20200801_221_156_L4_BAND13.xml"));

        Assert.Equal([Optics.Left, Optics.Right], band.Cameras.Select(c => c.Optics));
        Assert.Equal(32.4378, band.Cameras[0].SunElevation);
        Assert.Equal(33.2494, band.Cameras[1].SunElevation);
        Assert.EndsWith("_L4_LEFT_BAND13.tif", band.Cameras[0].BandFilePath, StringComparison.Ordinal);
        Assert.EndsWith("_L4_RIGHT_BAND13.tif", band.Cameras[1].BandFilePath, StringComparison.Ordinal);
        Assert.Equal(0.245, band.AbsoluteCalibrationCoefficient);
    }

    [Fact]
    public void Read_TakesOpticsSuffixFromSourceName_WhenContentMatches()
    {
        var bytes = File.ReadAllBytes(SharedFixtures.Xml("CBERS_4A_WFI_20200801_221_156_L4_BAND13.xml"));

        var band = InpeMetadataReader.Read(new MemoryStream(bytes), "CBERS_4A_WFI_20200801_221_156_L4_RIGHT_BAND13.xml");

        Assert.Equal("CBERS_4A_WFI_20200801_221_156_L4_RIGHT", band.SceneId.ToString());
    }

    [Theory]
    [InlineData("CBERS_4_MUX_20170528_090_084_L2_BAND6.xml", 1.5762)]
    [InlineData("CBERS_4_AWFI_20170409_167_123_L4_BAND14.xml", 1.4351)]
    [InlineData("CBERS_4A_MUX_20200808_201_137_L4_BAND6.xml", 0.965583)]
    [InlineData("CBERS_4_PAN10M_20190201_180_125_L2_BAND2.xml", null)]
    [InlineData("CBERS_4A_WPM_20200730_209_139_L4_BAND2.xml", null)]
    public void ReadFile_ReadsCalibrationCoefficient_WhenPresent(string file, double? expected)
    {
        var band = InpeMetadataReader.ReadFile(SharedFixtures.Xml(file));

        Assert.Equal(expected, band.AbsoluteCalibrationCoefficient);
        Assert.Equal(expected is null ? 0 : 4, band.Primary.AbsoluteCalibrationCoefficients.Count);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Read_ThrowsNamingFileAndElement_WhenXmlIsTruncated(string file)
    {
        var bytes = File.ReadAllBytes(SharedFixtures.Xml(file));

        var ex = Assert.Throws<InvalidSceneException>(() => InpeMetadataReader.Read(new MemoryStream(bytes[..(bytes.Length / 2)]), file));

        Assert.Contains(file, ex.Message, StringComparison.Ordinal);
        Assert.Contains("XML is malformed at line", ex.Message, StringComparison.Ordinal);
        Assert.NotNull(ex.Element);
        Assert.StartsWith("prdf/", ex.Element, StringComparison.Ordinal);
        Assert.Contains($"'{ex.Element}'", ex.Message, StringComparison.Ordinal);
        Assert.Equal(file, ex.FileName);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void ReadFile_ThrowsNamingFileAndElement_WhenSunElevationIsRemoved(string file)
    {
        var document = XDocument.Load(SharedFixtures.Xml(file));
        document.Descendants(XName.Get("elevation", "http://www.gisplan.com.br/xmlsat")).First().Remove();
        var prefix = file.Contains("_WFI_", StringComparison.Ordinal) ? "prdf/leftCamera" : "prdf";
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, file);
        document.Save(path);

        var ex = Assert.Throws<InvalidSceneException>(() => InpeMetadataReader.ReadFile(path));

        Assert.StartsWith(file + ": ", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"element '{prefix}/image/sunPosition/elevation' is missing", ex.Message, StringComparison.Ordinal);
        Assert.Equal($"{prefix}/image/sunPosition/elevation", ex.Element);
    }

    [Fact]
    public void Read_ThrowsNamingElementAndValue_WhenValueIsNotNumeric()
    {
        var text = File.ReadAllText(SharedFixtures.Xml("CBERS_4_MUX_20170528_090_084_L2_BAND6.xml"))
            .Replace("<sunAzimuth>66.2923</sunAzimuth>", "<sunAzimuth>north-east</sunAzimuth>", StringComparison.Ordinal);

        var ex = Assert.Throws<InvalidSceneException>(() => InpeMetadataReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "bad.xml"));

        Assert.StartsWith("bad.xml: element 'prdf/image/sunPosition/sunAzimuth' value 'north-east' is not a number at line ", ex.Message, StringComparison.Ordinal);
        Assert.Equal("bad.xml", ex.FileName);
        Assert.Equal("prdf/image/sunPosition/sunAzimuth", ex.Element);
    }

    [Fact]
    public void Read_Throws_WhenDocumentHasDtd()
    {
        const string xml = "<?xml version=\"1.0\"?><!DOCTYPE prdf [<!ENTITY x \"y\">]><prdf xmlns=\"http://www.gisplan.com.br/xmlsat\">&x;</prdf>";

        var ex = Assert.Throws<InvalidSceneException>(() => InpeMetadataReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)), "dtd.xml"));

        Assert.Contains("dtd.xml: XML is malformed", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Throws_WhenRootIsNotPrdf()
    {
        var ex = Assert.Throws<InvalidSceneException>(
            () => InpeMetadataReader.Read(new MemoryStream(Encoding.UTF8.GetBytes("<metadata/>")), "other.xml"));

        Assert.Contains("other.xml: element 'prdf'", ex.Message, StringComparison.Ordinal);
        Assert.Equal("prdf", ex.Element);
    }
}
