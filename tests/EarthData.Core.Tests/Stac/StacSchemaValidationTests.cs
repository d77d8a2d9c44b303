using EarthData.Core.Stac;
using EarthData.Testing;

namespace EarthData.Core.Tests.Stac;

/// <summary>Validates our items, collections and root catalog against the offline STAC schemas with stac-node-validator.</summary>
public sealed class StacSchemaValidationTests
{
    [Fact]
    public async Task ItemsCollectionsAndCatalog_PassStacNodeValidator()
    {
        using var temp = new TempDirectory();
        var files = new List<string>();
        var items = new List<StacItem>();
        foreach (var id in CbersItemBuilderTests.ReferenceIdList)
        {
            var scene = CbersItemBuilderTests.Scene(id);
            var item = CbersItemBuilder.Build(scene, CbersItemBuilderTests.FullOptions(scene) with
            {
                Links = StacCatalogBuilder.ItemLinks(),
            });
            items.Add(item);
            files.Add(Write(temp, $"{id}.json", StacJson.Serialize(item, indented: true)));
            var bare = CbersItemBuilder.Build(scene) with { Links = StacCatalogBuilder.ItemLinks() };
            files.Add(Write(temp, $"{id}.bare.json", StacJson.Serialize(bare, indented: true)));
        }

        foreach (var collectionId in EarthData.Core.Scenes.CameraCatalog.CollectionIds)
        {
            var collection = CbersCollectionBuilder.Build(
                collectionId, items.Where(i => i.Collection == collectionId), StacCatalogBuilder.CollectionLinks());
            files.Add(Write(temp, $"collection-{collectionId}.json", StacJson.Serialize(collection, indented: true)));
        }

        var catalog = StacCatalogBuilder.Root(EarthData.Core.Scenes.CameraCatalog.CollectionIds);
        files.Add(Write(temp, "catalog.json", StacJson.Serialize(catalog, indented: true)));
        var published = StacCatalogBuilder.Root(EarthData.Core.Scenes.CameraCatalog.CollectionIds, new Uri("https://stac.example.org/stac/catalog.json"));
        files.Add(Write(temp, "catalog.published.json", StacJson.Serialize(published, indented: true)));

        var result = await StacValidator.ValidateAsync(files);
        Assert.True(StacValidator.AllPassed(result, files.Count), $"stac-node-validator did not pass all {files.Count} files (exit {result.ExitCode}):\n{result.Output}");
    }

    private static string Write(TempDirectory temp, string name, string json)
    {
        var path = Path.Combine(temp.Path, name);
        File.WriteAllText(path, json);
        return path;
    }
}
