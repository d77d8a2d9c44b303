using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;

namespace EarthData.Server.Endpoints;

/// <summary>
/// The web viewer at <c>/</c>: its page, scripts and the vendored MapLibre GL JS and Natural Earth basemap, embedded
/// in the assembly (no CDN, no content folder), each with a strong ETag (<c>If-None-Match</c> → 304).
/// </summary>
public static class ViewerApi
{
    private const string Prefix = "wwwroot/";

    private static readonly FrozenDictionary<string, string> MediaTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".json"] = "application/json",
        [".png"] = "image/png",
        [".svg"] = "image/svg+xml",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly Lazy<FrozenDictionary<string, Asset>> Assets = new(Load);

    /// <summary>Maps <c>/</c> and one route per embedded file (<c>/viewer.js</c>, <c>/vendor/maplibre-gl.js</c>, …).</summary>
    public static IEndpointRouteBuilder MapViewerApi(this IEndpointRouteBuilder endpoints)
    {
        foreach (var (path, asset) in Assets.Value)
        {
            var route = path == "index.html" ? "/" : "/" + path;
            endpoints.MapMethods(route, [HttpMethods.Get, HttpMethods.Head], (HttpContext context) => Serve(context, asset));
        }

        return endpoints;
    }

    private static IResult Serve(HttpContext context, Asset asset)
    {
        var headers = context.Response.Headers;
        headers.ETag = asset.ETag;
        // Our own files change with releases: revalidate (cheap, 304). Vendored files are versioned by their contents.
        headers.CacheControl = asset.Path.StartsWith("vendor/", StringComparison.Ordinal) ? "public, max-age=86400" : "no-cache";
        if (ObjectsApi.Matches(context.Request.Headers.IfNoneMatch.ToString(), asset.ETag))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return HttpMethods.IsHead(context.Request.Method)
            ? TypedResults.Empty
            : TypedResults.Bytes(asset.Content, asset.MediaType);
    }

    private static FrozenDictionary<string, Asset> Load()
    {
        var assembly = typeof(ViewerApi).Assembly;
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(Prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var path = name[Prefix.Length..].Replace('\\', '/');
            var content = Read(assembly, name);
            var mediaType = MediaTypes.GetValueOrDefault(Path.GetExtension(path), "application/octet-stream");
            var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 16)) + "\"";
            assets[path] = new Asset(path, content, mediaType, etag);
        }

        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static byte[] Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private sealed record Asset(string Path, byte[] Content, string MediaType, string ETag);
}
