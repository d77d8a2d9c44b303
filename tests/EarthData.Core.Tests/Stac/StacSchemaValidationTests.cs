using System.Diagnostics;
using EarthData.Core.Stac;

namespace EarthData.Core.Tests.Stac;

/// <summary>Validates our items, collections and root catalog against the offline STAC schemas with stac-node-validator.</summary>
public sealed class StacSchemaValidationTests
{
    private static readonly Uri BaseUri = new("https://stac.example.org/");

    [Fact]
    public async Task ItemsCollectionsAndCatalog_PassStacNodeValidator()
    {
        var tools = Environment.GetEnvironmentVariable("EARTHDATA_TEST_TOOLS");
        Assert.False(string.IsNullOrEmpty(tools), "EARTHDATA_TEST_TOOLS is not set: run tests/run.sh (it installs stac-node-validator).");
        var validator = Path.Combine(tools, "node_modules", ".bin", "stac-node-validator");
        Assert.True(File.Exists(validator), $"stac-node-validator not found at {validator}: run tests/run.sh.");

        using var temp = new TempDirectory();
        var files = new List<string>();
        var items = new List<StacItem>();
        foreach (var id in CbersItemBuilderTests.ReferenceIdList)
        {
            var scene = CbersItemBuilderTests.Scene(id);
            var item = CbersItemBuilder.Build(scene, CbersItemBuilderTests.FullOptions(scene) with
            {
                Links = StacCatalogBuilder.ItemLinks(BaseUri, scene.CollectionId, id),
            });
            items.Add(item);
            files.Add(Write(temp, $"{id}.json", StacJson.Serialize(item, indented: true)));
            var bare = CbersItemBuilder.Build(scene) with { Links = StacCatalogBuilder.ItemLinks(BaseUri, scene.CollectionId, id) };
            files.Add(Write(temp, $"{id}.bare.json", StacJson.Serialize(bare, indented: true)));
        }

        foreach (var collectionId in EarthData.Core.Scenes.CameraCatalog.CollectionIds)
        {
            var collection = CbersCollectionBuilder.Build(
                collectionId, items.Where(i => i.Collection == collectionId), StacCatalogBuilder.CollectionLinks(BaseUri, collectionId));
            files.Add(Write(temp, $"collection-{collectionId}.json", StacJson.Serialize(collection, indented: true)));
        }

        var catalog = StacCatalogBuilder.Root(BaseUri, EarthData.Core.Scenes.CameraCatalog.CollectionIds);
        files.Add(Write(temp, "catalog.json", StacJson.Serialize(catalog, indented: true)));

        // The shared folder is two levels above fixtures/cbers-xml.
        var schemas = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(SharedFixtures.CbersXmlDirectory))!, "stac-schemas");
        var start = new ProcessStartInfo(validator)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--verbose");
        foreach (var file in files)
        {
            start.ArgumentList.Add(file);
        }

        foreach (var host in new[] { "schemas.stacspec.org", "stac-extensions.github.io", "geojson.org", "proj.org" })
        {
            start.ArgumentList.Add("--schemaMap");
            start.ArgumentList.Add($"https://{host}/={Path.Combine(schemas, host)}/");
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var output = await stdout + await stderr;
        Assert.True(process.ExitCode == 0, $"stac-node-validator exited with {process.ExitCode}:\n{output}");
        Assert.True(
            output.Contains($"Passed: {files.Count}", StringComparison.Ordinal) && output.Contains("Skipped: 0", StringComparison.Ordinal),
            $"stac-node-validator did not validate all {files.Count} files:\n{output}");
    }

    private static string Write(TempDirectory temp, string name, string json)
    {
        var path = Path.Combine(temp.Path, name);
        File.WriteAllText(path, json);
        return path;
    }
}
