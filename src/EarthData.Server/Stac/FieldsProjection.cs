using System.Text.Json;
using System.Text.Json.Nodes;
using EarthData.Core.Catalog;

namespace EarthData.Server.Stac;

/// <summary>
/// The STAC API fields extension: dotted paths (<c>properties.eo:cloud_cover</c>) to include or exclude from each item.
/// With includes, only those paths (plus <c>type</c> and <c>id</c>, which a GeoJSON feature needs) are kept; excludes are
/// then removed, except a path that is itself included (include wins).
/// </summary>
/// <param name="Include">Paths to keep; empty keeps everything.</param>
/// <param name="Exclude">Paths to drop.</param>
internal sealed record FieldsProjection(IReadOnlyList<string> Include, IReadOnlyList<string> Exclude)
{
    private static readonly string[] Always = ["type", "id"];

    private readonly HashSet<string> _included = new(Include, StringComparer.Ordinal);

    /// <summary>Parses the GET form <c>id,-properties.eo:bands,+assets</c>.</summary>
    public static FieldsProjection Parse(string text)
    {
        var include = new List<string>();
        var exclude = new List<string>();
        foreach (var raw in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (raw.StartsWith('-'))
            {
                exclude.Add(Checked(raw[1..]));
            }
            else
            {
                include.Add(Checked(raw.TrimStart('+')));
            }
        }

        return Bounded(include, exclude);
    }

    /// <summary>Parses the POST form <c>{"include": [...], "exclude": [...]}</c>.</summary>
    public static FieldsProjection Parse(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidQueryException("fields must be an object {\"include\": [...], \"exclude\": [...]}.", "fields");
        }

        return Bounded(Paths(element, "include"), Paths(element, "exclude"));
    }

    /// <summary>Applies the projection to one item in place.</summary>
    public void Apply(JsonObject item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (Include.Count > 0)
        {
            var kept = new JsonObject();
            foreach (var path in Include.Concat(Always))
            {
                Copy(item, kept, path.Split('.'));
            }

            item.Clear();
            foreach (var (name, value) in kept.ToList())
            {
                kept.Remove(name);
                item[name] = value;
            }
        }

        foreach (var path in Exclude)
        {
            if (!_included.Contains(path))
            {
                Remove(item, path.Split('.'));
            }
        }
    }

    private static void Copy(JsonObject from, JsonObject to, string[] path)
    {
        JsonObject source = from, target = to;
        for (var i = 0; i < path.Length; i++)
        {
            if (!source.TryGetPropertyValue(path[i], out var value))
            {
                return;
            }

            if (i == path.Length - 1)
            {
                target[path[i]] = value?.DeepClone();
                return;
            }

            if (value is not JsonObject child)
            {
                return;
            }

            if (target[path[i]] is not JsonObject next)
            {
                next = [];
                target[path[i]] = next;
            }

            source = child;
            target = next;
        }
    }

    private static void Remove(JsonObject item, string[] path)
    {
        var node = item;
        for (var i = 0; i < path.Length - 1; i++)
        {
            if (node[path[i]] is not JsonObject child)
            {
                return;
            }

            node = child;
        }

        node.Remove(path[^1]);
    }

    private static FieldsProjection Bounded(List<string> include, List<string> exclude) =>
        include.Count + exclude.Count > SearchLimits.MaxFields
            ? throw new InvalidQueryException($"fields has {include.Count + exclude.Count} entries; at most {SearchLimits.MaxFields} are allowed.", "fields")
            : new FieldsProjection(include, exclude);

    private static List<string> Paths(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var list) || list.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() > SearchLimits.MaxFields || list.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            throw new InvalidQueryException($"fields.{name} must be an array of at most {SearchLimits.MaxFields} strings.", "fields");
        }

        return [.. list.EnumerateArray().Select(e => Checked(e.GetString()!))];
    }

    private static string Checked(string path) =>
        path.Length is 0 or > SearchLimits.MaxPropertyLength || path.Split('.').Any(p => p.Length == 0)
            ? throw new InvalidQueryException($"fields entry '{(path.Length <= 64 ? path : path[..64] + "…")}' is not a dotted property path of at most {SearchLimits.MaxPropertyLength} characters.", "fields")
            : path;
}
