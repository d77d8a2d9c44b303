using System.Text.Json;
using EarthData.Testing;

namespace EarthData.Cli.Tests;

public class EarthDataCliTests
{
    [Fact]
    public async Task SceneInspect_PrintsTheParsedSceneAsJson_ForARealInpeXml()
    {
        var xml = SharedData.CbersXml("CBERS_4_MUX_20170528_090_084_L2_BAND6.xml");
        var run = await CliRun.Of("scene", "inspect", xml);
        Assert.Equal(0, run.ExitCode);
        var json = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.Equal("CBERS_4_MUX_20170528_090_084_L2", json.GetProperty("id").GetString());
        Assert.Equal("CBERS4-MUX", json.GetProperty("collection").GetString());
        Assert.Equal(32635, json.GetProperty("epsg").GetInt32());
        Assert.Equal(70.3079, json.GetProperty("sunElevation").GetDouble());
        Assert.Equal(4, json.GetProperty("bbox").GetArrayLength());
        Assert.Equal(1.5762, json.GetProperty("calibration").GetProperty("B6").GetDouble());
    }

    [Fact]
    public async Task SceneInspect_FolderWithAllTiffsAndOneRealXml_SaysWhichFileEachFieldCameFrom()
    {
        const string id = "CBERS_4_MUX_20170528_090_084_L2";
        var root = Directory.CreateTempSubdirectory("earthdata-cli-").FullName;
        try
        {
            var scene = Directory.CreateDirectory(Path.Combine(root, id)).FullName;
            foreach (var band in new[] { 5, 6, 7, 8 })
            {
                await File.WriteAllBytesAsync(Path.Combine(scene, $"{id}_BAND{band}.tif"), []);
            }

            File.Copy(SharedData.CbersXml(id + "_BAND6.xml"), Path.Combine(scene, id + "_BAND6.xml"));

            var run = await CliRun.Of("scene", "inspect", scene);

            Assert.True(run.ExitCode == 0, run.Stderr);
            var json = JsonDocument.Parse(run.Stdout).RootElement;
            Assert.Equal(id + "_BAND6.xml", json.GetProperty("sources").GetProperty("scene").GetString());
            var bands = json.GetProperty("bands").EnumerateArray().ToList();
            Assert.Equal(["B5", "B6", "B7", "B8"], bands.Select(b => b.GetProperty("name").GetString()));
            Assert.All(bands, b => Assert.Equal(id + "_BAND6.xml", b.GetProperty("calibrationSource").GetString()));
            Assert.Equal(1.1761, bands[3].GetProperty("calibrationCoefficient").GetDouble());
            Assert.Equal(JsonValueKind.Null, bands[0].GetProperty("metadataSource").ValueKind);
            Assert.Equal(id + "_BAND6.xml", bands[1].GetProperty("metadataSource").GetString());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task SamplesGenerateThenSceneInspect_RoundTripsAGeneratedScene()
    {
        var root = Directory.CreateTempSubdirectory("earthdata-cli-").FullName;
        try
        {
            var generate = await CliRun.Of("samples", "generate", "--out", root, "--camera", "CBERS4-PAN10M", "--scale", "0.02", "--seed", "9", "--path", "160", "--row", "117");
            Assert.True(generate.ExitCode == 0, generate.Stderr);
            var sceneDir = Path.Combine(root, "CBERS4", "PAN10M", "160", "117", "CBERS_4_PAN10M_20240310_160_117_L2");
            Assert.Contains(sceneDir, generate.Stdout, StringComparison.Ordinal);

            var inspect = await CliRun.Of("scene", "inspect", sceneDir);
            Assert.True(inspect.ExitCode == 0, inspect.Stderr);
            var json = JsonDocument.Parse(inspect.Stdout).RootElement;
            Assert.Equal("CBERS4-PAN10M", json.GetProperty("collection").GetString());
            Assert.Equal(["B2", "B3", "B4"], json.GetProperty("bands").EnumerateArray().Select(b => b.GetProperty("name").GetString()));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData(1, "scene", "inspect", "/nonexistent/scene")]
    [InlineData(1, "samples", "generate", "--out", "/tmp/x", "--camera", "CBERS9-MUX")]
    [InlineData(1, "samples", "generate", "--out", "/tmp/x", "--date", "2024-13-45")]
    [InlineData(2, "samples", "generate", "--bogus")]
    [InlineData(2, "frobnicate")]
    public async Task Errors_PrintOneLineOnStderr_AndExitNonZero(int expectedExit, params string[] args)
    {
        var run = await CliRun.Of(args);
        Assert.Equal(expectedExit, run.ExitCode);
        var lines = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("error: ", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SceneInspect_ReportsFileAndElement_ForACorruptXml()
    {
        var source = SharedData.CbersXml("CBERS_4_MUX_20170528_090_084_L2_BAND6.xml");
        var text = await File.ReadAllTextAsync(source);
        var corrupt = Path.Combine(Path.GetTempPath(), $"corrupt-{Guid.NewGuid():N}.xml");
        await File.WriteAllTextAsync(corrupt, text[..(text.Length / 2)]);
        try
        {
            var run = await CliRun.Of("scene", "inspect", corrupt);
            Assert.Equal(1, run.ExitCode);
            Assert.Contains(Path.GetFileName(corrupt), run.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(corrupt);
        }
    }

    [Fact]
    public async Task Version_PrintsTheProductVersion()
    {
        var run = await CliRun.Of("--version");
        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", run.Stdout.Trim());
    }
}
