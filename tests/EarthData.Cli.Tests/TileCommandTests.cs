using EarthData.Gdal;
using EarthData.Samples;

namespace EarthData.Cli.Tests;

public sealed class TileCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "earthdata-tilecli-" + Guid.NewGuid().ToString("N"));

    public TileCommandTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Tile_SceneFolder_WritesXyzTreeAndOfflineViewer()
    {
        var scene = SyntheticSceneGenerator.Generate(new SyntheticSceneOptions { OutputRoot = Path.Combine(_dir, "archive"), Scale = 0.05 }).Scenes[0];
        var output = Path.Combine(_dir, "tiles");

        var run = await CliRun.Of("tile", scene.Directory, "--out", output, "--layer", "true-color", "--threads", "2");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("wrote ", run.Stdout, StringComparison.Ordinal);
        var html = await File.ReadAllTextAsync(Path.Combine(output, "index.html"));
        Assert.DoesNotContain("http", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("minZoom", html, StringComparison.Ordinal);
        Assert.NotEmpty(Directory.GetFiles(output, "*.png", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetDirectories(_dir, ".tiles.*"));
    }

    [Fact]
    public async Task Tile_FourBandByteRaster_Raw_TreatsBandFourAsAlphaLikeGdal2tiles()
    {
        var input = Utm(Path.Combine(_dir, "rgba.tif"), 4, GdalDataType.Byte, alphaHalf: true);
        var output = Path.Combine(_dir, "rgba");

        var run = await CliRun.Of("tile", input, "--out", output, "--layer", "raw", "--format", "webp");

        Assert.Equal(0, run.ExitCode);
        var tiles = Directory.GetFiles(output, "*.webp", SearchOption.AllDirectories);
        Assert.NotEmpty(tiles);
        var transparent = 0L;
        var total = 0L;
        foreach (var tile in tiles)
        {
            using var ds = GdalDataset.Open(tile);
            var alpha = new byte[ds.Width * ds.Height];
            ds.GetBand(4).Read(0, 0, ds.Width, ds.Height, alpha.AsSpan());
            transparent += alpha.Count(a => a == 0);
            total += alpha.Length;
        }

        Assert.InRange(transparent / (double)total, 0.2, 0.95); // the western half of the raster has alpha 0
    }

    [Fact]
    public async Task Tile_NotARaster_FailsWithOneLine()
    {
        var input = Path.Combine(_dir, "notes.txt");
        await File.WriteAllTextAsync(input, "hello");

        var run = await CliRun.Of("tile", input, "--out", Path.Combine(_dir, "t"));

        AssertFailed(run, "is not a raster");
    }

    [Fact]
    public async Task Tile_NoGeoreferencing_FailsWithOneLine()
    {
        var input = Path.Combine(_dir, "plain.tif");
        using (var ds = GdalDataset.Create("GTiff", input, 16, 16, 3, GdalDataType.Byte))
        {
            ds.Close();
        }

        var run = await CliRun.Of("tile", input, "--out", Path.Combine(_dir, "t"), "--layer", "raw");

        AssertFailed(run, "no georeferencing");
    }

    [Fact]
    public async Task Tile_RawOfInt16Raster_FailsNamingTheDataType()
    {
        var input = Utm(Path.Combine(_dir, "i16.tif"), 3, GdalDataType.Int16);

        var run = await CliRun.Of("tile", input, "--out", Path.Combine(_dir, "t"), "--layer", "raw");

        AssertFailed(run, "needs Byte data, not Int16");
    }

    [Fact]
    public async Task Tile_ComplexRaster_FailsAsUnsupported()
    {
        var input = Utm(Path.Combine(_dir, "c.tif"), 1, GdalDataType.CFloat32);

        var run = await CliRun.Of("tile", input, "--out", Path.Combine(_dir, "t"), "--layer", "band:1");

        AssertFailed(run, "data type CFloat32 is not supported");
    }

    [Theory]
    [InlineData("14-12", "--zoom: 14-12: min > max")]
    [InlineData("3-25", "--zoom: 3-25: zoom levels go from 0 to 24")]
    [InlineData("a-b", "--zoom: 'a-b': expected MIN-MAX")]
    public async Task Tile_BadZoom_FailsWithOneLine(string zoom, string message)
    {
        var input = Utm(Path.Combine(_dir, "z.tif"), 3, GdalDataType.Byte);

        var run = await CliRun.Of("tile", input, "--out", Path.Combine(_dir, "t"), "--zoom", zoom);

        AssertFailed(run, message);
    }

    [Fact]
    public async Task Tile_UnwritableOutput_FailsWithOneLine()
    {
        var input = Utm(Path.Combine(_dir, "u.tif"), 3, GdalDataType.Byte);

        var run = await CliRun.Of("tile", input, "--out", "/proc/earthdata-no/tiles", "--layer", "raw");

        AssertFailed(run, "--out: cannot write");
    }

    [Fact]
    public async Task Tile_FailureAfterWarping_LeavesNoPartialTree()
    {
        // No band descriptions and no CBERS camera: true-color fails once the warped COG is opened.
        var input = Utm(Path.Combine(_dir, "nonames.tif"), 3, GdalDataType.Byte);
        var output = Path.Combine(_dir, "partial");

        var run = await CliRun.Of("tile", input, "--out", output, "--layer", "true-color");

        AssertFailed(run, "has no 'red' band");
        Assert.False(Directory.Exists(output));
        Assert.Empty(Directory.GetDirectories(_dir));
    }

    private static void AssertFailed(CliRun run, string message)
    {
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>A 400×300 raster in UTM 23S, 30 m pixels; with <paramref name="alphaHalf"/> band 4 is 0 on the western half.</summary>
    private static string Utm(string path, int bands, GdalDataType type, bool alphaHalf = false)
    {
        using var ds = GdalDataset.Create("GTiff", path, 400, 300, bands, type);
        ds.GeoTransform = new GeoTransform(190000, 30, 0, 8250000, 0, -30);
        using (var srs = SpatialReference.FromEpsg(32723))
        {
            ds.SetSpatialReference(srs);
        }

        var plane = new byte[400 * 300];
        for (var b = 1; b <= bands; b++)
        {
            for (var i = 0; i < plane.Length; i++)
            {
                plane[i] = b == 4 && alphaHalf ? (byte)(i % 400 < 200 ? 0 : 255) : (byte)(20 + ((i * b) % 200));
            }

            if (type == GdalDataType.CFloat32)
            {
                ds.GetBand(b).Fill(1);
            }
            else
            {
                ds.GetBand(b).Write(0, 0, 400, 300, plane.AsSpan());
            }
        }

        ds.Close();
        return path;
    }
}
