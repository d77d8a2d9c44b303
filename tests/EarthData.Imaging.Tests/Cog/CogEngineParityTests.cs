using EarthData.Imaging.Cog;
using Xunit.Abstractions;

namespace EarthData.Imaging.Tests.Cog;

/// <summary>
/// The tile route (parallel per-tile warp, in-memory overviews, COG copy of the existing levels) against GDAL's COG
/// driver warping and building overviews itself: the same file description and the same pixels at every level.
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
        Compare(new CogRequest { Source = source, Destination = string.Empty, Output = radiometry }, unit);
    }

    [Fact]
    public void Write_RasterWithoutNodata_EqualsGdalsCogDriver_WithItsAlphaBand()
    {
        Compare(new CogRequest { Source = TestRasters.PlainUtm(_output), Destination = string.Empty }, 1.0);
    }

    [Fact]
    public void Write_WithoutOverviews_EqualsGdalsCogDriver()
    {
        Compare(new CogRequest { Source = scenes.Mux, Destination = string.Empty, Overviews = false }, 1.0);
    }

    [Fact]
    public void Write_WithOtherOverviewResampling_FallsBackToGdalsCogDriver()
    {
        var request = new CogRequest { Source = scenes.Mux, Destination = Path.Combine(_output, "cubic.tif"), OverviewResampling = "cubic" };

        var result = CogWriter.WriteWith(CogEngine.Tiles, request);

        Assert.Equal(CogEngine.Gdal, result.Engine);
        CogAssert.PassesGdalValidator(result.Path);
    }

    private void Compare(CogRequest request, double unit)
    {
        var reference = Path.Combine(_output, "gdal.tif");
        var candidate = Path.Combine(_output, "tiles.tif");
        Assert.Equal(CogEngine.Gdal, CogWriter.WriteWith(CogEngine.Gdal, request with { Destination = reference }).Engine);
        Assert.Equal(CogEngine.Tiles, CogWriter.WriteWith(CogEngine.Tiles, request with { Destination = candidate }).Engine);

        CogAssert.PassesGdalValidator(candidate);
        CogParity.SameDescription(reference, candidate);
        foreach (var line in CogParity.SamePixels(reference, candidate, unit))
        {
            output.WriteLine(line);
        }

        Assert.Empty(Directory.GetFiles(_output, "*.tmp*"));
    }
}
