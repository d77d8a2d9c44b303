using System.Text.Json;
using EarthData.Core.Catalog;
using EarthData.Samples;
using EarthData.Storage.Catalog;

namespace EarthData.Cli.Tests;

public sealed class PublishCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("earthdata-publishcli-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Publish_SceneFolder_PrintsItemObjectsBytesAndItemKey_AndTheItemIsInTheEmbeddedCatalogue()
    {
        var scene = Generate();
        var data = Path.Combine(_root, "data");

        var run = await CliRun.Of("publish", scene.Directory, "--data", data, "--threads", "2");

        Assert.True(run.ExitCode == 0, run.Stderr);
        var itemKey = $"stac/CBERS4-MUX/items/{scene.Id}.json";
        Assert.Matches($@"^published {scene.Id}: STAC item {itemKey}\r?\n$", run.Stdout);
        var catalog = new SqliteCatalogStore(Path.Combine(data, "catalog.db"));
        var page = await catalog.SearchAsync(new ItemSearch { Ids = [scene.Id.ToString()] });
        Assert.Single(page.Items);
        Assert.Equal(SceneState.Published, (await catalog.GetSceneRecordAsync(scene.Id.ToString()))!.State);
        // The catalogue keeps the object key, never a server path: the STAC API resolves it per request.
        Assert.Equal($"cogs/CBERS4-MUX/{scene.Id}/visual.tif", page.Items[0].Assets["visual"].Href);
        var itemPath = Path.Combine(data, "objects", itemKey);
        using var item = JsonDocument.Parse(await File.ReadAllBytesAsync(itemPath));
        var href = item.RootElement.GetProperty("assets").GetProperty("visual").GetProperty("href").GetString()!;
        Assert.Equal($"../../../cogs/CBERS4-MUX/{scene.Id}/visual.tif", href);
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(itemPath)!, href)), href);
        using var root = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(data, "objects", "stac", "catalog.json")));
        Assert.DoesNotContain(root.RootElement.GetProperty("links").EnumerateArray(), l => l.GetProperty("rel").GetString() == "self");
        Assert.False(Directory.Exists(Path.Combine(data, "staging", "work", scene.Id.ToString())), "the staging cache is cleaned after publishing");
        Assert.False(Directory.Exists(Path.Combine(data, "objects", "work", scene.Id.ToString())), "the hand-off objects are deleted after publishing");
        var first = await catalog.GetSceneRecordAsync(scene.Id.ToString());

        var again = await CliRun.Of("publish", scene.Directory, "--data", data, "--threads", "2");

        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.Equal(1, (await catalog.SearchAsync(new ItemSearch { Collections = ["CBERS4-MUX"] })).NumberMatched);
        var second = await catalog.GetSceneRecordAsync(scene.Id.ToString());
        Assert.Equal(SceneState.Published, second!.State);
        Assert.True(second.Version > first!.Version, "re-publishing went through the state service again");
        Assert.Equal(first.CreatedAt, second.CreatedAt);
    }

    [Fact]
    public async Task Publish_WithPublicUrlAndLayersAndZoom_GivesTheRootAnAbsoluteSelfKeepsHrefsRelativeAndWritesOnlyThoseTiles()
    {
        var scene = Generate();
        var data = Path.Combine(_root, "data");

        var run = await CliRun.Of("publish", scene.Directory, "--data", data, "--public-url", "https://cdn.example.org/earthdata",
            "--layers", "false-color", "--zoom", "6-7", "--threads", "2");

        Assert.True(run.ExitCode == 0, run.Stderr);
        using var item = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(data, "objects", "stac", "CBERS4-MUX", "items", scene.Id + ".json")));
        Assert.StartsWith("../../../cogs/CBERS4-MUX/", item.RootElement.GetProperty("assets").GetProperty("visual").GetProperty("href").GetString(), StringComparison.Ordinal);
        using var root = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(data, "objects", "stac", "catalog.json")));
        Assert.Equal("https://cdn.example.org/earthdata/objects/stac/catalog.json",
            root.RootElement.GetProperty("links").EnumerateArray().Single(l => l.GetProperty("rel").GetString() == "self").GetProperty("href").GetString());
        var templates = item.RootElement.GetProperty("asset_templates");
        Assert.Equal(["false-color"], templates.EnumerateObject().Select(p => p.Name));
        var tiles = Path.Combine(data, "objects", "tiles", "CBERS4-MUX", scene.Id.ToString());
        Assert.Equal(["false-color"], Directory.GetDirectories(tiles).Select(Path.GetFileName));
        Assert.Equal(["6", "7"], Directory.GetDirectories(Path.Combine(tiles, "false-color")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Publish_NotASceneFolder_FailsWithOneLine()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, "holiday-photos")).FullName;

        var run = await CliRun.Of("publish", folder, "--data", Path.Combine(_root, "data"));

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("error: ", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("not a scene id", run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.TrimEnd().Split('\n'));
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task Publish_MissingBand_FailsWithOneLineNamingTheFile()
    {
        var scene = Generate();
        var band = Directory.GetFiles(scene.Directory, "*_BAND7.tif").Single();
        File.Delete(band);

        var run = await CliRun.Of("publish", scene.Directory, "--data", Path.Combine(_root, "data"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(Path.GetFileName(band), run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Publish_InvalidStorageSettings_FailsWithOneLineNamingTheSetting()
    {
        var scene = Generate();
        var data = Directory.CreateDirectory(Path.Combine(_root, "data")).FullName;
        await File.WriteAllTextAsync(Path.Combine(data, "appsettings.json"), """{ "EarthData": { "Objects": { "Provider": "AzureBlob" } } }""");

        var run = await CliRun.Of("publish", scene.Directory, "--data", data);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("EarthData:Objects:ConnectionString", run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.TrimEnd().Split('\n'));
        Assert.False(File.Exists(Path.Combine(data, "catalog.db")));
    }

    [Theory]
    [InlineData("--layers", "ultraviolet", "--layers")]
    [InlineData("--zoom", "9-3", "--zoom")]
    [InlineData("--public-url", "not a url", "--public-url")]
    [InlineData("--public-objects-url", "file:///srv/objects", "--public-objects-url")]
    public async Task Publish_BadOption_FailsWithOneLineNamingTheOption(string option, string value, string expected)
    {
        var scene = Generate();

        var run = await CliRun.Of("publish", scene.Directory, "--data", Path.Combine(_root, "data"), option, value);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("error: " + expected, run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    private GeneratedScene Generate() => SyntheticSceneGenerator.Generate(new SyntheticSceneOptions
    {
        OutputRoot = Path.Combine(_root, "archive"), Collection = "CBERS4-MUX", Scale = 0.03, Seed = 11,
    }).Scenes[0];
}
