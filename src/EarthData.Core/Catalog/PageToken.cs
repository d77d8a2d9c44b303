using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;
using EarthData.Core.Stac;

namespace EarthData.Core.Catalog;

/// <summary>
/// Keyset paging tokens. A token is base64url of the JSON object <c>{"s": sort, "k": [key…]}</c>: <c>s</c> names the
/// effective sort (<c>datetime-,collection+,id+</c>) and <c>k</c> holds the sort key of the last item of the page (JSON
/// values; <c>datetime</c> as an RFC 3339 string with 7 fractional digits; null for an absent property). The next page
/// starts strictly after that key, so inserting or deleting items between pages neither repeats nor skips the others.
/// Thread-safe.
/// </summary>
public static class PageToken
{
    /// <summary>The fixed-width UTC format of datetime sort keys (sorts as text).</summary>
    public const string DatetimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// <summary>The sort key of an item: one JSON value per sort field (null when the property is absent).</summary>
    public static JsonElement?[] KeyOf(StacItem item, IReadOnlyList<SortField> sort)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(sort);
        var key = new JsonElement?[sort.Count];
        for (var i = 0; i < sort.Count; i++)
        {
            key[i] = sort[i].Name == "datetime"
                ? item.Datetime is { } when ? StacJson.Element(FormatDatetime(when)) : null
                : CqlEvaluator.Value(item, sort[i].Name) is { ValueKind: not JsonValueKind.Null } value ? value : null;
        }

        return key;
    }

    /// <summary>Formats an instant as a datetime sort key.</summary>
    public static string FormatDatetime(DateTime value) =>
        DateTime.SpecifyKind(value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value, DateTimeKind.Utc)
            .ToString(DatetimeFormat, CultureInfo.InvariantCulture);

    /// <summary>Encodes the key of the last item of a page.</summary>
    public static string Encode(IReadOnlyList<SortField> sort, IReadOnlyList<JsonElement?> key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var json = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["s"] = Describe(sort),
            ["k"] = key,
        });
        return Base64Url.EncodeToString(json);
    }

    /// <summary>Decodes a token for the given effective sort.</summary>
    /// <exception cref="InvalidQueryException">The token is malformed or was issued for another sort order (parameter <c>token</c>).</exception>
    public static JsonElement?[] Decode(string token, IReadOnlyList<SortField> sort)
    {
        ArgumentNullException.ThrowIfNull(token);
        try
        {
            var json = Base64Url.DecodeFromChars(token);
            if (json.AsSpan().IndexOf("\\u0000"u8) >= 0)
            {
                throw new FormatException("NUL in a sort key"); // no stored value holds one; PostgreSQL refuses it
            }

            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.GetProperty("s").GetString() != Describe(sort))
            {
                throw new InvalidQueryException("token was issued for a different sortby; restart paging without a token.", "token");
            }

            var keys = root.GetProperty("k");
            if (keys.GetArrayLength() != sort.Count)
            {
                throw new InvalidQueryException("token does not match the sort order.", "token");
            }

            return [.. keys.EnumerateArray().Select(k => k.ValueKind == JsonValueKind.Null ? (JsonElement?)null : k.Clone())];
        }
        catch (Exception ex) when (ex is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidQueryException("token is not a token issued by this catalogue.", "token", ex);
        }
    }

    private static string Describe(IReadOnlyList<SortField> sort)
    {
        ArgumentNullException.ThrowIfNull(sort);
        return string.Join(',', sort.Select(s => s.Name + (s.Direction == SortDirection.Ascending ? "+" : "-")));
    }
}
