namespace EarthData.Server.Http;

/// <summary>
/// Absolute URLs of this server as a client reaches it: under the configured public URL (<c>EarthData:PublicUrl</c>),
/// else under the current request's scheme, host and path base, so a server listening on every interface answers with
/// the address the client used. The one owner of that rule for links of every API (STAC, scenes, tiles). Thread-safe.
/// </summary>
public sealed class PublicUrls(ServerSettings settings, IHttpContextAccessor http)
{
    /// <summary>The server's base URL for the current request, without a trailing '/'.</summary>
    public string Base =>
        settings.PublicUrlFromRequest && http.HttpContext?.Request is { Host.HasValue: true } request
            ? $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}"
            : settings.PublicUrl.OriginalString;

    /// <summary>An absolute URL of this server; <paramref name="path"/> starts with '/'.</summary>
    public string Url(string path) => Base + path;

    /// <summary>
    /// An absolute href for an object key: <c>{PublicObjectsUrl}/{key}</c> when objects are public, else this server's
    /// <c>/objects/{key}</c>.
    /// </summary>
    public string ObjectHref(string key) => settings.PublicObjectsUrl is { } direct ? direct.OriginalString + key : Url("/objects/" + key);
}
