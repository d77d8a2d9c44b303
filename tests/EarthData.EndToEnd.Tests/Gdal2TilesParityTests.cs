using System.Globalization;
using EarthData.Cli;
using EarthData.Core.Scenes;
using EarthData.Core.Tiling;
using EarthData.Gdal;
using EarthData.Imaging.Cog;
using EarthData.Imaging.Layers;
using EarthData.Imaging.Pyramid;
using EarthData.Samples;
using EarthData.Testing;
using Xunit.Abstractions;

namespace EarthData.EndToEnd.Tests;

/// <summary>
/// Same pixels as <c>gdal2tiles.py --xyz -r average</c>: the same raster is tiled by both over the same zooms and the
/// trees are compared with the tolerances in <see cref="ParityReport"/>.
/// </summary>
public sealed class Gdal2TilesParityTests(ITestOutputHelper output) : IDisposable
{
    private const string Gdal2Tiles = "/usr/bin/gdal2tiles.py";
    private readonly string _dir = CreateDirectory();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Raw_ByteMuxComposite_MatchesGdal2tilesOfTheSameWarp()
    {
        // gdal2tiles gets the reference pre-warped onto the tile grid (gdalwarp -r bilinear -tap at the finest zoom's
        // resolution), i.e. the same warp our COG step does; what is compared is the tiling, resampling and masks.
        var reference = MuxComposite(out var zoom);

        var report = await CompareCliWithGdal2tiles(reference, Prewarp(reference, zoom), zoom);

        output.WriteLine($"MUX 7/6/5 Byte, z{zoom - 2}-{zoom}, gdal2tiles on pre-warped: {report}");
        Assert.True(report.SameTiles, report.ToString());
        Assert.True(report.SamePixels, report.ToString());
        Assert.True(report.NoShift, report.ToString());
    }

    [Fact]
    public async Task Raw_ByteMuxComposite_MatchesGdal2tilesOfTheUtmRasterOnceItsWindowTruncationIsUndone()
    {
        // On the UTM raster itself gdal2tiles reads each tile from its own warped VRT (GDAL's suggested grid, here ~211 m
        // pixels vs 153 m tile pixels) and truncates each window's origin to whole VRT pixels, so every tile of its tree
        // is displaced east/south by its own fraction of a VRT pixel (0 to 1.38 tile px here; on this raster the trees
        // differ by about 1 px before correction). Measured on the same raster, gdal2tiles disagrees with itself (UTM
        // vs pre-warped) by the same amount. Our tiles are read from exactly aligned windows. So: tile sets, masks and
        // pixel values are compared as they are, and the strict targets (block means, shift) once each of gdal2tiles'
        // tiles is moved back by the displacement its own geo_query arithmetic predicts for it.
        var reference = MuxComposite(out var zoom);
        var model = Gdal2TilesWindowModel.For(reference);

        var (report, ours, theirs) = await CompareCliWithGdal2tilesTrees(reference, reference, zoom);
        var corrected = theirs.Undisplaced(zoom, model.Offset);
        var undone = TileComparer.Compare(ours.Only(corrected.Tiles.Keys), corrected, zoom);

        output.WriteLine($"MUX 7/6/5 Byte, z{zoom - 2}-{zoom}, gdal2tiles on UTM: {report}; after undoing its window truncation: {undone}");
        Assert.True(report.SameTiles, report.ToString());
        Assert.InRange(report.AlphaAgreement, ParityReport.MinAlphaAgreement, 1.0);
        Assert.InRange(report.MeanAbsoluteDifference, 0, ParityReport.MaxMeanAbsoluteDifference);
        Assert.True(undone.CommonTiles >= 4, undone.ToString());
        AssertSameValuesAndPlace(undone);
    }

    [Fact]
    public async Task Gdal2tiles_OnTheUtmRaster_IsDisplacedFromItsOwnPrewarpedTilesByItsWindowTruncation()
    {
        // The evidence for the test above, with gdal2tiles alone: its tree of the UTM raster against its tree of the same
        // raster pre-warped onto the tile grid shows the displacement, and undoing the modelled truncation removes it.
        var reference = MuxComposite(out var zoom);
        var model = Gdal2TilesWindowModel.For(reference);
        var direct = TileTree.Load(await RunGdal2tiles(reference, zoom));
        var prewarped = TileTree.Load(await RunGdal2tiles(Prewarp(reference, zoom), zoom));

        var raw = TileComparer.Compare(prewarped, direct, zoom);
        var corrected = direct.Undisplaced(zoom, model.Offset);
        var undone = TileComparer.Compare(prewarped.Only(corrected.Tiles.Keys), corrected, zoom);

        output.WriteLine($"gdal2tiles pre-warped vs UTM: {raw}; after undoing its window truncation: {undone}");
        Assert.False(raw.NoShift, raw.ToString());
        AssertSameValuesAndPlace(undone);
    }

    /// <summary>
    /// The strict value and geometry targets on a corrected comparison (masks are compared uncorrected: the resampled
    /// tiles lose their last row and column).
    /// </summary>
    private static void AssertSameValuesAndPlace(ParityReport undone)
    {
        Assert.InRange(undone.MeanAbsoluteDifference, 0, ParityReport.MaxMeanAbsoluteDifference);
        Assert.InRange(undone.BlockMeanDifference, 0, ParityReport.MaxBlockMeanDifference);
        Assert.True(undone.NoShift, undone.ToString());
    }

    [Fact]
    public async Task Raw_SourceShiftedByOnePixel_IsCaughtAsMisregistration()
    {
        // The brief's negative check (a 20 m shift of a full-resolution MUX scene), at this test's scale: the source
        // geotransform moves one source pixel (200 m) east, about 1.3 px at the finest zoom.
        var reference = MuxComposite(out var zoom);
        var shifted = Path.Combine(_dir, "shifted.tif");
        using (var source = GdalDataset.Open(reference))
        using (var copy = GdalDataset.CreateCopy("GTiff", shifted, source))
        {
            var gt = copy.GeoTransform!.Value;
            copy.GeoTransform = gt with { OriginX = gt.OriginX + gt.PixelWidth };
            copy.Close();
        }

        var report = await CompareCliWithGdal2tiles(shifted, Prewarp(reference, zoom), zoom);

        output.WriteLine($"MUX shifted one source pixel: {report}");
        Assert.False(report.NoShift, report.ToString());
        Assert.InRange(report.ShiftX, -2.0, -0.8);
    }

    [Fact]
    public async Task TrueColor_Int16Wfi_MatchesGdal2tilesOfTheSameStretchAsByte()
    {
        // gdal2tiles cannot draw 10-bit data meaningfully (it would cast Int16 DN to Byte), so the fair reference is
        // gdal2tiles over a Byte version made with gdal_translate -scale using exactly our stretch, with the mask as
        // alpha: it checks our band choice, stretch, mask and geometry on Int16 input against GDAL's own rendering.
        var scene = SyntheticSceneGenerator.Generate(new SyntheticSceneOptions
        {
            OutputRoot = Path.Combine(_dir, "archive"), Collection = "CBERS4A-WFI", Scale = 0.1,
        }).Scenes[0];
        using var stack = SceneStack.Open(scene.Directory);
        using var source = stack.OpenDataset();
        var cog = Path.Combine(_dir, "wfi-cog.tif");
        var zoom = AlignedCogSource.Write(scene.Directory, cog, _dir, false, 2).NativeZoom;
        LayerRenderer renderer;
        using (var cogDataset = GdalDataset.Open(cog))
        {
            renderer = LayerRenderer.Create(cogDataset, LayerDefinition.TrueColor);
        }

        var ours = Path.Combine(_dir, "ours-wfi");
        using (var sink = new DirectoryTileSink(ours, "png"))
        {
            PyramidBuilder.Build(cog, renderer, new PyramidOptions { MinZoom = zoom - 2, MaxZoom = zoom, Threads = 2 }, sink);
            sink.Commit();
        }

        var args = new List<string> { "-of", "GTiff", "-ot", "Byte", "-a_nodata", "none", "-co", "PHOTOMETRIC=RGB", "-co", "ALPHA=YES" };
        for (var i = 0; i < 3; i++)
        {
            args.AddRange(["-b", $"{renderer.Bands[i]}"]);
        }

        args.AddRange(["-b", $"mask,{renderer.Bands[0]}"]);
        for (var i = 0; i < 3; i++)
        {
            var s = renderer.Stretches[i];
            args.AddRange([$"-scale_{i + 1}", $"{s.Low:R}", $"{s.High:R}", "0", "255"]);
        }

        var byteVersion = Path.Combine(_dir, "wfi-byte.tif");
        using (var translated = GdalUtilities.Translate(byteVersion, source, args))
        {
            translated.Close();
        }

        var theirs = await RunGdal2tiles(Prewarp(byteVersion, zoom), zoom);
        var report = TileComparer.Compare(TileTree.Load(ours), TileTree.Load(theirs), zoom);

        output.WriteLine($"WFI Int16 true-color, z{zoom - 2}-{zoom}: {report}");
        Assert.Equal([3, 2, 1], renderer.Bands);
        Assert.True(report.SameTiles, report.ToString());
        Assert.True(report.SamePixels, report.ToString());
        Assert.True(report.NoShift, report.ToString());
    }

    private async Task<ParityReport> CompareCliWithGdal2tiles(string oursInput, string theirsInput, int zoom) =>
        (await CompareCliWithGdal2tilesTrees(oursInput, theirsInput, zoom)).Report;

    private async Task<(ParityReport Report, TileTree Ours, TileTree Theirs)> CompareCliWithGdal2tilesTrees(string oursInput, string theirsInput, int zoom)
    {
        var ours = Path.Combine(_dir, "ours-" + Path.GetFileNameWithoutExtension(oursInput));
        using var log = new StringWriter();
        var code = await EarthDataCli.RunAsync(
            ["tile", oursInput, "--out", ours, "--layer", "raw", "--resampling", "average", "--zoom", $"{zoom - 2}-{zoom}", "--threads", "2"], log, log);
        Assert.True(code == 0, log.ToString());
        var theirs = TileTree.Load(await RunGdal2tiles(theirsInput, zoom));
        var mine = TileTree.Load(ours);
        return (TileComparer.Compare(mine, theirs, zoom), mine, theirs);
    }

    private async Task<string> RunGdal2tiles(string input, int zoom)
    {
        var folder = Path.Combine(_dir, "theirs-" + Guid.NewGuid().ToString("N")[..8]);
        var result = await ExternalTool.RunAsync("/usr/bin/python3",
            [Gdal2Tiles, "--xyz", "-r", "average", "-z", $"{zoom - 2}-{zoom}", "-w", "none", "--processes", "2", input, folder]);
        Assert.True(result.ExitCode == 0, result.Output);
        return folder;
    }

    /// <summary>gdalwarp onto the WebMercatorQuad pixel grid of <paramref name="zoom"/> (bilinear, target-aligned).</summary>
    private string Prewarp(string path, int zoom)
    {
        var warped = Path.Combine(_dir, Path.GetFileNameWithoutExtension(path) + "-3857.tif");
        var res = WebMercatorQuad.Resolution(zoom).ToString("R", CultureInfo.InvariantCulture);
        using var source = GdalDataset.Open(path);
        using var result = GdalUtilities.Warp(warped, [source], ["-of", "GTiff", "-t_srs", "EPSG:3857", "-tr", res, res, "-tap", "-r", "bilinear"]);
        result.Close();
        return warped;
    }

    /// <summary>A CBERS-4 MUX scene's bands 7/6/5 (red, green, blue) stacked into one UTM Byte GeoTIFF, nodata 0.</summary>
    private string MuxComposite(out int zoom)
    {
        var scene = SyntheticSceneGenerator.Generate(new SyntheticSceneOptions { OutputRoot = Path.Combine(_dir, "archive"), Scale = 0.1 }).Scenes[0];
        var files = ArchiveLayout.Locate(scene.Directory);
        var path = Path.Combine(_dir, "mux765.tif");
        using var vrt = GdalUtilities.BuildVrt(string.Empty, [files.Band(7).TiffPath, files.Band(6).TiffPath, files.Band(5).TiffPath], ["-separate"]);
        using (var tif = GdalUtilities.Translate(path, vrt, ["-of", "GTiff", "-a_nodata", "0", "-co", "TILED=YES"]))
        {
            // The zoom CogWriter warps to: the first whose resolution is at least as fine as the pixel in EPSG:3857.
            using var mercator = GdalUtilities.Warp(string.Empty, [tif], ["-of", "VRT", "-t_srs", "EPSG:3857"]);
            zoom = WebMercatorQuad.NativeZoom(mercator.GeoTransform!.Value.PixelWidth);
            tif.Close();
        }

        return path;
    }

    private static string CreateDirectory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "earthdata-e2e-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
