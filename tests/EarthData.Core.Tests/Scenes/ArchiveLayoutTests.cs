using EarthData.Core.Scenes;

namespace EarthData.Core.Tests.Scenes;

public class ArchiveLayoutTests
{
    private static readonly SceneId Mux = SceneId.Parse("CBERS_4_MUX_20170528_090_084_L2");
    private static readonly SceneId Wpm = SceneId.Parse("CBERS_4A_WPM_20200730_209_139_L4");

    [Fact]
    public void SceneDirectory_FollowsArchiveLayout()
    {
        var path = ArchiveLayout.SceneDirectory("/data/archive", Mux);

        Assert.Equal(Path.Combine("/data/archive", "CBERS4", "MUX", "090", "084", "CBERS_4_MUX_20170528_090_084_L2"), path);
    }

    [Fact]
    public void Locate_ReturnsTiffAndXmlOfEveryBand_IgnoringExtraFiles()
    {
        using var temp = new TempDirectory();
        var directory = CreateScene(temp, Wpm);
        temp.Touch(Path.GetRelativePath(temp.Path, Path.Combine(directory, "CBERS_4A_WPM_20200730_209_139.png")));
        temp.Touch(Path.GetRelativePath(temp.Path, Path.Combine(directory, "notes.txt")));

        var files = ArchiveLayout.Locate(directory);

        Assert.Equal(Wpm, files.Id);
        Assert.Equal([0, 1, 2, 3, 4], files.Bands.Select(b => b.Band));
        Assert.Equal(Path.Combine(directory, "CBERS_4A_WPM_20200730_209_139_L4_BAND0.tif"), files.Band(0).TiffPath);
        Assert.Equal(Path.Combine(directory, "CBERS_4A_WPM_20200730_209_139_L4_BAND4.xml"), files.Band(4).XmlPath);
        Assert.All(files.Bands, b => Assert.True(File.Exists(b.TiffPath) && File.Exists(b.XmlPath)));
    }

    [Fact]
    public void Locate_ThrowsNamingEveryMissingFile_WhenABandTiffAndEveryXmlAreMissing()
    {
        using var temp = new TempDirectory();
        var directory = CreateScene(temp, Mux);
        File.Delete(Path.Combine(directory, Mux.BandFileName(7, "tif")));
        foreach (var xml in Directory.GetFiles(directory, "*.xml"))
        {
            File.Delete(xml);
        }

        var ex = Assert.Throws<InvalidSceneException>(() => ArchiveLayout.Locate(directory));

        Assert.Contains("CBERS_4_MUX_20170528_090_084_L2_BAND7.tif", ex.Message, StringComparison.Ordinal);
        Assert.Contains("an INPE XML (CBERS_4_MUX_20170528_090_084_L2_BAND5.xml or", ex.Message, StringComparison.Ordinal);
        Assert.Equal(Mux.ToString(), ex.SceneId);
    }

    [Fact]
    public void Locate_BandsWithoutTheirOwnXml_AreDescribedByTheScenesLowestXml()
    {
        using var temp = new TempDirectory();
        var directory = CreateScene(temp, Mux);
        File.Delete(Path.Combine(directory, Mux.BandFileName(5, "xml")));
        File.Delete(Path.Combine(directory, Mux.BandFileName(8, "xml")));

        var files = ArchiveLayout.Locate(directory);

        Assert.Equal([5, 6, 7, 8], files.Bands.Select(b => b.Band));
        Assert.Equal(Path.Combine(directory, Mux.BandFileName(6, "xml")), files.Band(5).XmlPath);
        Assert.False(files.Band(5).HasOwnXml);
        Assert.True(files.Band(7).HasOwnXml);
        Assert.Equal([Mux.BandFileName(6, "xml"), Mux.BandFileName(7, "xml")], files.MetadataXml.Select(Path.GetFileName));
    }

    [Fact]
    public void Locate_Throws_WhenFolderNameIsNotASceneId()
    {
        using var temp = new TempDirectory();
        var directory = Directory.CreateDirectory(Path.Combine(temp.Path, "CBERS_4_MUX_2017_090_084_L2")).FullName;

        var ex = Assert.Throws<InvalidSceneException>(() => ArchiveLayout.Locate(directory));

        Assert.Contains("acquisition date '2017' is not yyyyMMdd", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Discover_EnumeratesSceneFolders_SkippingMisplacedAndForeignFolders()
    {
        using var temp = new TempDirectory();
        CreateScene(temp, Mux);
        CreateScene(temp, Wpm);
        var otherMux = SceneId.Parse("CBERS_4_MUX_20170612_090_084_L4");
        CreateScene(temp, otherMux);
        temp.Touch("CBERS4", "MUX", "090", "085", "CBERS_4_MUX_20170528_090_084_L2", "misplaced.tif");
        temp.Touch("CBERS4", "MUX", "090", "084", "thumbnails", "x.png");
        temp.Touch("LANDSAT8", "OLI", "001", "002", "scene", "x.tif");

        var found = ArchiveLayout.Discover(temp.Path).ToList();

        Assert.Equal([Mux, otherMux, Wpm], found);
    }

    [Fact]
    public void Discover_Throws_WhenRootIsMissing()
    {
        Assert.Throws<DirectoryNotFoundException>(() => ArchiveLayout.Discover(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"))));
    }

    private static string CreateScene(TempDirectory temp, SceneId id)
    {
        var relative = id.ArchiveDirectory.Split('/');
        foreach (var band in CameraCatalog.Get(id).Bands)
        {
            temp.Touch([.. relative, id.BandFileName(band.Number, "tif")]);
            temp.Touch([.. relative, id.BandFileName(band.Number, "xml")]);
        }

        return ArchiveLayout.SceneDirectory(temp.Path, id);
    }
}
