using EarthData.Gdal;
using EarthData.Samples;

namespace EarthData.Cli.Tests;

public sealed class CogCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("earthdata-cli-cog-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Cog_WritesAReflectanceCogOfAGeneratedScene_AndPrintsASummaryLine()
    {
        var scene = GenerateMux();
        var destination = Path.Combine(_root, "mux.tif");

        var run = await CliRun.Of("cog", scene, "--out", destination, "--reflectance", "int16", "--bands", "7,6,5", "--resampling", "nearest");

        Assert.True(run.ExitCode == 0, run.Stderr);
        var line = Assert.Single(run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(destination, line, StringComparison.Ordinal);
        Assert.Contains("native z", line, StringComparison.Ordinal);
        Assert.Contains("3 bands Int16 (red,green,blue)", line, StringComparison.Ordinal);
        Assert.Contains($"{new FileInfo(destination).Length} bytes", line, StringComparison.Ordinal);
        using var cog = GdalDataset.Open(destination);
        Assert.Equal("TOA_REFLECTANCE_X10000", cog.GetMetadataItem("RADIOMETRY"));
    }

    [Fact]
    public async Task Cog_RejectsAFileThatIsNotARaster()
    {
        var text = Path.Combine(_root, "x.txt");
        File.WriteAllText(text, "not a raster");

        var error = await FailsWithOneLine(text, Path.Combine(_root, "out.tif"));

        Assert.StartsWith("error: 'x.txt' is not a raster GDAL can read: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cog_RejectsARasterWithoutGeoreferencing()
    {
        var path = Path.Combine(_root, "plain.tif");
        using (var dataset = GdalDataset.Create("GTiff", path, 64, 64, 1, GdalDataType.Byte))
        {
            dataset.Close();
        }

        var error = await FailsWithOneLine(path, Path.Combine(_root, "out.tif"));

        Assert.Contains("has no georeferencing", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cog_RejectsAComplexDataType()
    {
        var path = Path.Combine(_root, "complex.tif");
        using (var dataset = GdalDataset.Create("GTiff", path, 64, 64, 1, GdalDataType.CInt16))
        {
            dataset.GeoTransform = new GeoTransform(300000, 30, 0, 7400000, 0, -30);
            using var srs = SpatialReference.FromEpsg(32723);
            dataset.SetSpatialReference(srs);
            dataset.Close();
        }

        var error = await FailsWithOneLine(path, Path.Combine(_root, "out.tif"));

        Assert.Contains("data type CInt16", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/proc/earthdata-cog-test.tif", "output directory '/proc' is not writable")]
    [InlineData("/nonexistent-earthdata/out.tif", "output directory '/nonexistent-earthdata' does not exist")]
    public async Task Cog_RejectsAnOutputDirectoryItCannotWrite(string destination, string expected)
    {
        var scene = GenerateMux();

        var error = await FailsWithOneLine(scene, destination);

        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cog_RejectsASceneFolderWithMissingBands()
    {
        var scene = GenerateMux();
        var band7 = Directory.GetFiles(scene, "*_BAND7.tif").Single();
        File.Delete(band7);

        var error = await FailsWithOneLine(scene, Path.Combine(_root, "out.tif"));

        Assert.Contains($"lacks {Path.GetFileName(band7)}", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, "--bands", "5,x")]
    [InlineData(1, "--bands", "9")]
    [InlineData(1, "--resampling", "sharpest")]
    [InlineData(1, "--reflectance", "float64")]
    [InlineData(2, "--threads", "many")]
    public async Task Cog_RejectsBadOptions(int exitCode, string option, string value)
    {
        var scene = GenerateMux();
        var destination = Path.Combine(_root, "out.tif");

        var run = await CliRun.Of("cog", scene, "--out", destination, option, value);

        Assert.Equal(exitCode, run.ExitCode);
        Assert.StartsWith("error: ", Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.False(File.Exists(destination));
    }

    private static async Task<string> FailsWithOneLine(string source, string destination)
    {
        var run = await CliRun.Of("cog", source, "--out", destination);
        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Stdout);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.False(File.Exists(destination));
        var directory = Path.GetDirectoryName(destination)!;
        if (Directory.Exists(directory))
        {
            Assert.Empty(Directory.GetFiles(directory, $".{Path.GetFileName(destination)}*"));
        }

        return line;
    }

    private string GenerateMux() => SyntheticSceneGenerator.Generate(new SyntheticSceneOptions
    {
        OutputRoot = Path.Combine(_root, "archive"), Collection = "CBERS4-MUX", Scale = 0.03, Seed = 7,
    }).Scenes[0].Directory;
}
