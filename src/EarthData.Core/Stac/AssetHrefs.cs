using System.Text.Json.Nodes;

namespace EarthData.Core.Stac;

/// <summary>
/// The catalogue stores asset hrefs as object keys (relative, e.g. <c>cogs/CBERS4-MUX/{item}/visual.tif</c>); whoever
/// hands a document to a client resolves them: the STAC API against its public object URL, the static catalogue
/// relative to the document. These helpers find and rewrite them. Thread-safe.
/// </summary>
public static class AssetHrefs
{
    /// <summary>Whether <paramref name="href"/> is relative (an object key), not an absolute URL a client can use as is.</summary>
    public static bool IsRelative(string href)
    {
        ArgumentNullException.ThrowIfNull(href);
        // On Unix "/a/b" parses as an absolute file URI: a rooted path is still no URL.
        return href.StartsWith('/') || !Uri.TryCreate(href, UriKind.Absolute, out _);
    }

    /// <summary>
    /// Rewrites every relative <c>href</c> of the document's <c>assets</c> and tiled-assets <c>asset_templates</c>
    /// through <paramref name="resolve"/>; absolute hrefs are kept.
    /// </summary>
    /// <param name="document">An item or collection as JSON, changed in place.</param>
    /// <param name="resolve">Maps a relative href (an object key, template placeholders kept) to the href to write.</param>
    public static void ResolveRelative(JsonObject document, Func<string, string> resolve)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(resolve);
        foreach (var member in (ReadOnlySpan<string>)["assets", "asset_templates"])
        {
            if (document[member] is not JsonObject assets)
            {
                continue;
            }

            foreach (var (_, asset) in assets)
            {
                if (asset?["href"] is JsonValue href && href.TryGetValue<string>(out var value) && IsRelative(value))
                {
                    asset["href"] = resolve(value);
                }
            }
        }
    }
}
