using EarthData.Jobs.Pipeline;

namespace EarthData.Jobs.Tests.Pipeline;

public sealed class PublishOptionsTests
{
    [Theory]
    [InlineData(null, null, null)]
    [InlineData("https://maps.example.org/earthdata", null, "https://maps.example.org/earthdata/objects/stac/catalog.json")]
    [InlineData("https://maps.example.org/", "https://cdn.example.org/maps", "https://cdn.example.org/maps/stac/catalog.json")]
    [InlineData(null, "https://account.blob.core.windows.net/maps/", "https://account.blob.core.windows.net/maps/stac/catalog.json")]
    public void StaticCatalogUrl_PrefersTheObjectsUrl_ThenTheServersObjectsEndpoint_ElseNone(string? publicUrl, string? objectsUrl, string? expected)
    {
        var options = new PublishOptions
        {
            PublicUrl = publicUrl is null ? null : new Uri(publicUrl),
            PublicObjectsUrl = objectsUrl is null ? null : new Uri(objectsUrl),
        };

        options.Validate();
        Assert.Equal(expected, options.StaticCatalogUrl()?.AbsoluteUri);
    }

    [Theory]
    [InlineData("file:///srv/objects/", PublishOptions.PublicObjectsUrlKey)]
    [InlineData("https://cdn.example.org/?sig=1", PublishOptions.PublicObjectsUrlKey)]
    public void Validate_RejectsNonHttpOrQueryUrls_NamingTheSetting(string url, string key)
    {
        var ex = Assert.Throws<ArgumentException>(() => new PublishOptions { PublicObjectsUrl = new Uri(url) }.Validate());
        Assert.StartsWith(key, ex.Message, StringComparison.Ordinal);
    }
}
