namespace EarthData.Jobs.Pipeline;

/// <summary>How <see cref="ScenePublisher"/> publishes (configuration <c>EarthData:PublicBaseUrl</c> and friends).</summary>
public sealed record PublishOptions
{
    /// <summary>Cache-Control of COGs, tiles, thumbnails and originals: re-publishing writes the same bytes to the same keys.</summary>
    public const string ImmutableCacheControl = "public, max-age=86400";

    /// <summary>Cache-Control of STAC documents, which change as scenes are published.</summary>
    public const string CatalogCacheControl = "no-cache";

    /// <summary>Media type of a cloud-optimised GeoTIFF.</summary>
    public const string CogContentType = "image/tiff; application=geotiff; profile=cloud-optimized";

    /// <summary>
    /// The absolute URL under which object keys resolve (<c>{PublicBaseUrl}/{key}</c>): the server's object endpoint
    /// (<c>http://host:5080/objects/</c>), the blob container URL, a CDN, or a <c>file://</c> URL of a filesystem store.
    /// Asset hrefs and static catalogue links are built from it.
    /// </summary>
    public required Uri PublicBaseUrl { get; init; }

    /// <summary>Most uploads in flight at once (tiles); default 8.</summary>
    public int UploadParallelism { get; init; } = 8;

    /// <summary>Whether to maintain the static catalogue under <c>stac/</c>; default true.</summary>
    public bool WriteStaticCatalog { get; init; } = true;

    /// <summary>The absolute URL of an object key.</summary>
    public string Href(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return new Uri(BaseWithSlash(), key).AbsoluteUri;
    }

    /// <summary>The base URI of the static catalogue: <c>{PublicBaseUrl}/stac/</c>.</summary>
    public Uri StacBaseUri() => new(BaseWithSlash(), PublishedObjectKeys.StacPrefix);

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">The base URL is not absolute, or has a query or fragment.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(PublicBaseUrl);
        if (!PublicBaseUrl.IsAbsoluteUri || !string.IsNullOrEmpty(PublicBaseUrl.Query) || !string.IsNullOrEmpty(PublicBaseUrl.Fragment))
        {
            throw new ArgumentException($"EarthData:PublicBaseUrl '{PublicBaseUrl}' must be an absolute URL without query or fragment", nameof(PublicBaseUrl));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(UploadParallelism, 1, nameof(UploadParallelism));
    }

    private Uri BaseWithSlash()
    {
        var text = PublicBaseUrl.AbsoluteUri;
        return new Uri(text.EndsWith('/') ? text : text + "/");
    }
}
