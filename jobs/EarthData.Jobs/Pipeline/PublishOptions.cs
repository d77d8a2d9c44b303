namespace EarthData.Jobs.Pipeline;

/// <summary>How <see cref="ScenePublisher"/> publishes (configuration <c>EarthData:PublicUrl</c>, <c>EarthData:PublicObjectsUrl</c>).</summary>
/// <remarks>
/// Neither URL changes what the catalogue stores: items keep object keys as asset hrefs, which the STAC API resolves
/// per request, and the static catalogue is relative. The URLs only give the static root catalog its absolute
/// <c>self</c> link.
/// </remarks>
public sealed record PublishOptions
{
    /// <summary>Configuration key of <see cref="PublicUrl"/> (shared with <c>earthdata serve</c>).</summary>
    public const string PublicUrlKey = "EarthData:PublicUrl";

    /// <summary>Configuration key of <see cref="PublicObjectsUrl"/> (shared with <c>earthdata serve</c>).</summary>
    public const string PublicObjectsUrlKey = "EarthData:PublicObjectsUrl";

    /// <summary>Cache-Control of COGs, tiles, thumbnails and originals: re-publishing writes the same bytes to the same keys.</summary>
    public const string ImmutableCacheControl = "public, max-age=86400";

    /// <summary>Cache-Control of STAC documents, which change as scenes are published.</summary>
    public const string CatalogCacheControl = "no-cache";

    /// <summary>Media type of a cloud-optimised GeoTIFF.</summary>
    public const string CogContentType = "image/tiff; application=geotiff; profile=cloud-optimized";

    /// <summary>
    /// The public base URL of the EarthData server (<c>https://maps.example.org</c>), which serves objects at
    /// <c>{PublicUrl}/objects/{key}</c>; null when unknown.
    /// </summary>
    public Uri? PublicUrl { get; init; }

    /// <summary>
    /// The URL under which object keys resolve directly (<c>{PublicObjectsUrl}/{key}</c>): a public blob container, a
    /// bucket website or a CDN; null when objects are reached through the server. Wins over <see cref="PublicUrl"/>.
    /// </summary>
    public Uri? PublicObjectsUrl { get; init; }

    /// <summary>Most uploads in flight at once (tiles); default 8.</summary>
    public int UploadParallelism { get; init; } = 8;

    /// <summary>Whether to maintain the static catalogue under <c>stac/</c>; default true.</summary>
    public bool WriteStaticCatalog { get; init; } = true;

    /// <summary>
    /// The absolute public URL of the static root catalog <c>stac/catalog.json</c>:
    /// <c>{PublicObjectsUrl}/stac/catalog.json</c>, else <c>{PublicUrl}/objects/stac/catalog.json</c>, else null.
    /// </summary>
    public Uri? StaticCatalogUrl()
    {
        var objects = PublicObjectsUrl is { } direct ? WithSlash(direct) : PublicUrl is { } server ? new Uri(WithSlash(server), "objects/") : null;
        return objects is null ? null : new Uri(objects, PublishedObjectKeys.StacCatalog);
    }

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">A URL is not absolute http(s), or has a query or fragment.</exception>
    public void Validate()
    {
        Check(PublicUrl, PublicUrlKey);
        Check(PublicObjectsUrl, PublicObjectsUrlKey);
        ArgumentOutOfRangeException.ThrowIfLessThan(UploadParallelism, 1, nameof(UploadParallelism));
    }

    private static void Check(Uri? url, string key)
    {
        if (url is not null && (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment)))
        {
            throw new ArgumentException($"{key}: '{url}' must be an absolute http(s) URL without query or fragment");
        }
    }

    private static Uri WithSlash(Uri url)
    {
        var text = url.AbsoluteUri;
        return new Uri(text.EndsWith('/') ? text : text + "/");
    }
}
