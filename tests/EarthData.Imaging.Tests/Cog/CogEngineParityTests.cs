using EarthData.Imaging.Cog;
using Xunit.Abstractions;

namespace EarthData.Imaging.Tests.Cog;

/// <summary>
/// The tile route (parallel per-tile warp, in-memory overviews, GTiff copy of the filled levels as the COG driver would
/// make it) against GDAL's COG driver warping and building overviews itself: the same file description (gdalinfo, and
/// the COG ghost header) and the same pixels at every level.
/// </summary>
public sealed class CogEngineParityTests(CogScenesFixture scenes, ITestOutputHelper output) : IClassFixture<CogScenesFixture>, IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("earthdata-cog-parity-").FullName;

    public void Dispose() => Directory.Delete(_output, recursive: true);

    [Theory]
    [InlineData("mux", CogOutput.Dn, 1.0)]
    [InlineData("wfi", CogOutput.Dn, 1.0)]
    [InlineData("mux", CogOutput.ReflectanceInt16, 1.0)]
    [InlineData("mux", CogOutput.ReflectanceFloat32, 1e-4)]
    public void Write_Scene_EqualsGdalsCogDriver_AtEveryLevel(string scene, CogOutput radiometry, double unit)
    {
        var source = scene == "mux" ? scenes.Mux : scenes.Wfi;
        Compare(new CogRequest { Source = source, Destination = string.Empty, Output = radiometry }, unit, expectDirectCopy: true);
    }

    [Fact]
    public void Write_RasterWithoutNodata_EqualsGdalsCogDriver_WithItsAlphaBand()
    {
        Compare(new CogRequest { Source = TestRasters.PlainUtm(_output), Destination = string.Empty }, 1.0, expectDirectCopy: true);
    }

    [Fact]
    public void Write_WithoutOverviews_EqualsGdalsCogDriver()
    {
        Compare(new CogRequest { Source = scenes.Mux, Destination = string.Empty, Overviews = false }, 1.0, expectDirectCopy: true);
    }

    /// <summary>
    /// Near infrared alone: GDAL 3.6 has no colour interpretation for it, and a GTiff whose bands are all Undefined reads
    /// its first band back as Gray, so the copy goes through the metadata VRT; the file must still be the same.
    /// </summary>
    [Fact]
    public void Write_UndefinedFirstBand_EqualsGdalsCogDriver_ThroughTheMetadataVrt()
    {
        Compare(new CogRequest { Source = scenes.Mux, Destination = string.Empty, Bands = [8] }, 1.0, expectDirectCopy: false);
    }

    [Fact]
    public void Write_WithOtherOverviewResampling_FallsBackToGdalsCogDriver()
    {
        var request = new CogRequest { Source = scenes.Mux, Destination = Path.Combine(_output, "cubic.tif"), OverviewResampling = "cubic" };

        var result = CogWriter.WriteWith(CogEngine.Tiles, request);

        Assert.Equal(CogEngine.Gdal, result.Engine);
        CogAssert.PassesGdalValidator(result.Path);
    }

    private void Compare(CogRequest request, double unit, bool expectDirectCopy)
    {
        var reference = Path.Combine(_output, "gdal.tif");
        var candidate = Path.Combine(_output, "tiles.tif");
        Assert.Equal(CogEngine.Gdal, CogWriter.WriteWith(CogEngine.Gdal, request with { Destination = reference }).Engine);
        var written = CogWriter.WriteWith(CogEngine.Tiles, request with { Destination = candidate });
        Assert.Equal(CogEngine.Tiles, written.Engine);
        Assert.Equal(expectDirectCopy, written.CopiedBlocksDirectly);

        CogAssert.PassesGdalValidator(candidate);
        CogParity.SameDescription(reference, candidate);
        foreach (var line in CogParity.SamePixels(reference, candidate, unit))
        {
            output.WriteLine(line);
        }

        Assert.Empty(Directory.GetFiles(_output, "*.tmp*"));
    }
}
