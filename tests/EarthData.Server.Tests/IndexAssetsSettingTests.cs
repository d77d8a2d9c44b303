using System.Text;
using EarthData.Core.Indices;
using EarthData.Server.Composition;
using Microsoft.Extensions.Configuration;

namespace EarthData.Server.Tests;

/// <summary><c>EarthData:Pipeline:IndexAssets</c>: the index COGs each published item gets.</summary>
public sealed class IndexAssetsSettingTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("earthdata-indices-").FullName;

    [Fact]
    public void Load_WithoutTheSetting_WritesAllFourIndices() =>
        Assert.Equal([SpectralIndex.Ndvi, SpectralIndex.Ndwi, SpectralIndex.Evi, SpectralIndex.Savi], Load(null).Processing.IndexAssets);

    [Theory]
    [InlineData("")]
    [InlineData("none")]
    [InlineData("NONE")]
    public void Load_EmptyOrNone_WritesNone(string value) =>
        Assert.Empty(Load(value).Processing.IndexAssets);

    [Fact]
    public void Load_ACommaSeparatedList_KeepsItsOrderAndIgnoresCase() =>
        Assert.Equal([SpectralIndex.Savi, SpectralIndex.Ndvi], Load("SAVI, ndvi").Processing.IndexAssets);

    [Fact]
    public void Load_JsonArrays_EmptyWritesNone_AndAListIsRead()
    {
        Assert.Empty(LoadJson("[]").Processing.IndexAssets);
        Assert.Equal([SpectralIndex.Ndwi, SpectralIndex.Evi], LoadJson("""["ndwi", "evi"]""").Processing.IndexAssets);
    }

    [Theory]
    [InlineData("ndvi,foo")]
    [InlineData("ndvi,ndvi")]
    public void Load_UnknownOrRepeatedIndex_NamesTheSetting(string value)
    {
        var ex = Assert.Throws<ArgumentException>(() => Load(value));

        Assert.Contains($"EarthData:Pipeline:IndexAssets: '{value}' is not a list of distinct indices (ndvi, ndwi, evi, savi, mndwi, ndmi, nbr), empty or 'none'", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);

    private EarthDataSettings Load(string? value)
    {
        var values = new Dictionary<string, string?> { [EarthDataSettings.DataDirectoryKey] = _data };
        if (value is not null)
        {
            values["EarthData:Pipeline:IndexAssets"] = value;
        }

        return EarthDataSettings.Load(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
    }

    private EarthDataSettings LoadJson(string array)
    {
        var json = $$$"""{"EarthData": {"DataDirectory": {{{System.Text.Json.JsonSerializer.Serialize(_data)}}}, "Pipeline": {"IndexAssets": {{{array}}} } } }""";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return EarthDataSettings.Load(new ConfigurationBuilder().AddJsonStream(stream).Build());
    }
}
