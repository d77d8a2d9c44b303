using EarthData.Server.Composition;
using EarthData.Storage.Sources;
using Microsoft.Extensions.Configuration;

namespace EarthData.Server.Tests;

/// <summary>The <c>EarthData:Sources:*</c> settings of the remote sources: validated with one message per bad setting, and composed into the sources.</summary>
public sealed class SourceSettingsTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("earthdata-sources-").FullName;

    [Fact]
    public void Load_BadBlobSourceSettings_NamesEachSetting()
    {
        var ex = Assert.Throws<ArgumentException>(() => EarthDataSettings.Load(Configuration(new()
        {
            ["EarthData:Sources:Blob:Container"] = "Bad_Name",
            ["EarthData:Sources:Blob:Prefix"] = "../up",
            ["EarthData:Sources:Blob:SettleTime"] = "00:00:00",
        })));

        Assert.Contains("EarthData:Sources:Blob:Container: 'Bad_Name' is not a container name", ex.Message, StringComparison.Ordinal);
        Assert.Contains("EarthData:Sources:Blob:ConnectionString or EarthData:Sources:Blob:AccountUrl is required", ex.Message, StringComparison.Ordinal);
        Assert.Contains("EarthData:Sources:Blob:Prefix: '../up' is not a key prefix", ex.Message, StringComparison.Ordinal);
        Assert.Contains("EarthData:Sources:Blob:SettleTime must be at least 00:00:01", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BlobConnectionWithoutContainer_AsksForTheContainer()
    {
        var ex = Assert.Throws<ArgumentException>(() => EarthDataSettings.Load(Configuration(new()
        {
            ["EarthData:Sources:Blob:ConnectionString"] = "UseDevelopmentStorage=true",
        })));

        Assert.Equal("EarthData:Sources:Blob:Container is required when another EarthData:Sources:Blob:* setting is set", ex.Message);
    }

    [Fact]
    public void Create_BlobSourceConfigured_ComesAfterTheFolders()
    {
        var settings = EarthDataSettings.Load(Configuration(new()
        {
            ["EarthData:Sources:Blob:ConnectionString"] = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;",
            ["EarthData:Sources:Blob:Container"] = "cbers",
            ["EarthData:Sources:Blob:Prefix"] = "mirror",
        }));

        var sources = SceneSourceComposition.Create(settings).All;

        Assert.Equal(2, sources.Count);
        var blob = Assert.IsType<AzureBlobSceneSource>(sources[1]);
        Assert.Equal("blob:http://127.0.0.1:10000/devstoreaccount1/cbers/mirror/", blob.Name);
        Assert.Equal(TimeSpan.FromSeconds(10), blob.SettleTime);
    }

    [Fact]
    public void Load_BadStacSourceSettings_NamesEachSetting()
    {
        var ex = Assert.Throws<ArgumentException>(() => EarthDataSettings.Load(Configuration(new()
        {
            ["EarthData:Sources:Stac:Url"] = "https://maps.example.org/stac?x=1",
            ["EarthData:Sources:Stac:Collections"] = "CBERS4-MUX,LANDSAT8",
            ["EarthData:Sources:Stac:RequestTimeout"] = "01:00:00",
            ["EarthData:Sources:Stac:PageSize"] = "0",
        })));

        Assert.Contains("EarthData:Sources:Stac:Url: 'https://maps.example.org/stac?x=1' must not have a query", ex.Message, StringComparison.Ordinal);
        Assert.Contains("EarthData:Sources:Stac:Collections: 'CBERS4-MUX,LANDSAT8' is not a comma-separated list of CBERS collections", ex.Message, StringComparison.Ordinal);
        Assert.Contains("EarthData:Sources:Stac:RequestTimeout must be between 00:00:01 and 00:10:00", ex.Message, StringComparison.Ordinal);
        Assert.Contains("EarthData:Sources:Stac:PageSize: '0' is not a whole number in 1-1000", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_StacSourceConfigured_SearchesTheGivenCollectionsOrEveryCbersCollection()
    {
        var some = EarthDataSettings.Load(Configuration(new() { ["EarthData:Sources:Stac:Url"] = "https://maps.example.org/stac/", ["EarthData:Sources:Stac:Collections"] = "CBERS4A-WFI, CBERS4-MUX" }));
        var every = EarthDataSettings.Load(Configuration(new() { ["EarthData:Sources:Stac:Url"] = "https://maps.example.org/stac" }));

        var stac = Assert.IsType<Jobs.Sources.StacApiSceneSource>(SceneSourceComposition.Create(some).All[^1]);
        var all = Assert.IsType<Jobs.Sources.StacApiSceneSource>(SceneSourceComposition.Create(every).All[^1]);

        Assert.Equal("stac:https://maps.example.org/stac?collections=CBERS4-MUX,CBERS4A-WFI", stac.Name);
        Assert.True(stac.TryResolve("https://maps.example.org/stac/collections/CBERS4-MUX/items/CBERS_4_MUX_20240310_151_121_L2", out var id, out _));
        Assert.Equal("CBERS_4_MUX_20240310_151_121_L2", id.ToString());
        Assert.False(stac.TryResolve("https://maps.example.org/stac/collections/CBERS4-WFI/items/CBERS_4_WFI_20240310_151_121_L2", out _, out _));
        Assert.Equal(Core.Scenes.CameraCatalog.CollectionIds.Count, all.Collections.Count);
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);

    private IConfiguration Configuration(Dictionary<string, string?> values)
    {
        values[EarthDataSettings.DataDirectoryKey] = _data;
        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }
}
