using System.Globalization;
using System.Text.Json;
using EarthData.Core.Catalog;
using EarthData.Core.Geometry;
using EarthData.Core.Stac;

namespace EarthData.Server.Stac;

/// <summary>
/// A STAC API item search as the client sent it (GET query or POST body), parsed into an <see cref="ItemSearch"/> and the
/// <c>fields</c> projection. Every parse failure is an <see cref="InvalidQueryException"/> naming the parameter.
/// </summary>
/// <param name="Search">The catalogue search.</param>
/// <param name="Fields">The fields projection, or null for whole items.</param>
internal sealed record SearchRequest(ItemSearch Search, FieldsProjection? Fields)
{
    private static readonly char[] Comma = [','];

    /// <summary>Parses GET query parameters; <paramref name="collectionId"/> pins the collection (the items endpoint).</summary>
    public static SearchRequest FromQuery(IQueryCollection query, string? collectionId = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        string? Single(string name) => Last(query, name);

        var bbox = Single("bbox") is { } bboxText ? ParseBbox(bboxText.Split(',').Select(v => ParseNumber(v, "bbox")).ToArray()) : (BoundingBox?)null;
        var intersects = Single("intersects") is { } geometryText ? ParseGeometry(ParseJson(geometryText, "intersects")) : null;
        var filter = FilterFromQuery(query);
        var search = new ItemSearch
        {
            Collections = collectionId is not null ? [collectionId] : List(Single("collections")),
            Ids = List(Single("ids")),
            Bbox = bbox,
            Intersects = intersects,
            Datetime = Single("datetime") is { Length: > 0 } datetime ? DatetimeInterval.Parse(datetime) : null,
            Limit = Single("limit") is { } limit ? ParseLimit(limit) : ItemSearch.DefaultLimit,
            SortBy = SortFromQuery(query),
            Filter = filter,
            Token = Single("token") is { Length: > 0 } token ? token : null,
        };
        var fields = Single("fields") is { } fieldsText ? FieldsProjection.Parse(fieldsText) : null;
        return Validated(search, fields);
    }

    /// <summary>The <c>filter</c> query parameter (CQL2-JSON; <c>filter-lang</c>, when given, must say so), or null without one.</summary>
    /// <exception cref="InvalidQueryException">The filter or its language is not accepted; the exception names the parameter.</exception>
    public static CqlExpression? FilterFromQuery(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        CheckFilterLang(Last(query, "filter-lang"));
        return Last(query, "filter") is { Length: > 0 } filterText ? Cql2JsonParser.Parse(filterText) : null;
    }

    /// <summary>The <c>sortby</c> query parameter (<c>-datetime,+properties.eo:cloud_cover</c>), or null without one.</summary>
    /// <exception cref="InvalidQueryException">The sort is malformed or too long.</exception>
    public static List<SortField>? SortFromQuery(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Last(query, "sortby") is { Length: > 0 } sortby ? ParseSortText(sortby) : null;
    }

    /// <summary>Parses a POST search body.</summary>
    public static SearchRequest FromBody(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidQueryException("The search body must be a JSON object.", "body");
        }

        JsonElement? Member(string name) => body.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

        CheckFilterLang(Member("filter-lang") is { } lang ? String(lang, "filter-lang") : null);
        var search = new ItemSearch
        {
            Collections = Member("collections") is { } collections ? Strings(collections, "collections") : null,
            Ids = Member("ids") is { } ids ? Strings(ids, "ids") : null,
            Bbox = Member("bbox") is { } bbox ? ParseBbox(Numbers(bbox, "bbox")) : null,
            Intersects = Member("intersects") is { } intersects ? ParseGeometry(intersects) : null,
            Datetime = Member("datetime") is { } datetime ? DatetimeInterval.Parse(String(datetime, "datetime")) : null,
            Limit = Member("limit") is { } limit ? ParseLimit(limit) : ItemSearch.DefaultLimit,
            SortBy = Member("sortby") is { } sortby ? ParseSortArray(sortby) : null,
            Filter = Member("filter") is { } filter ? Cql2JsonParser.Parse(filter) : null,
            Token = Member("token") is { } token ? String(token, "token") : null,
        };
        var fields = Member("fields") is { } fieldsElement ? FieldsProjection.Parse(fieldsElement) : null;
        return Validated(search, fields);
    }

    private static SearchRequest Validated(ItemSearch search, FieldsProjection? fields)
    {
        if (search.Bbox is not null && search.Intersects is not null)
        {
            throw new InvalidQueryException("bbox and intersects cannot be used together; give one of them.", "bbox");
        }

        search.Validate();
        return new SearchRequest(search, fields);
    }

    private static void CheckFilterLang(string? lang)
    {
        if (lang is not null && lang != "cql2-json")
        {
            throw new InvalidQueryException($"filter-lang '{lang}' is not supported; use cql2-json.", "filter-lang");
        }
    }

    private static string? Last(IQueryCollection query, string name) => query.TryGetValue(name, out var values) && values.Count > 0 ? values[^1] : null;

    private static List<string>? List(string? text) =>
        text is null ? null : [.. text.Split(Comma, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static double ParseNumber(string text, string parameter) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new InvalidQueryException($"{parameter}: '{Shorten(text)}' is not a finite number.", parameter);

    private static BoundingBox ParseBbox(double[] values) => values.Length switch
    {
        4 => new BoundingBox(values[0], values[1], values[2], values[3]),
        6 => new BoundingBox(values[0], values[1], values[3], values[4]),
        _ => throw new InvalidQueryException($"bbox has {values.Length} numbers; it needs 4 (west,south,east,north) or 6 (with min and max elevation).", "bbox"),
    };

    private static int ParseLimit(string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var limit)
            ? limit
            : throw new InvalidQueryException($"limit '{Shorten(text)}' is not an integer between 1 and {ItemSearch.MaxLimit}.", "limit");

    private static int ParseLimit(JsonElement element) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var limit)
            ? limit
            : throw new InvalidQueryException($"limit {Shorten(element.GetRawText())} is not an integer between 1 and {ItemSearch.MaxLimit}.", "limit");

    private static JsonElement ParseJson(string text, string parameter)
    {
        try
        {
            using var document = JsonDocument.Parse(text, Cql2JsonParser.DocumentOptions);
            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new InvalidQueryException($"{parameter} is not valid JSON ({Cql2JsonParser.JsonProblem(ex)}).", parameter, ex);
        }
    }

    private static GeoJsonGeometry ParseGeometry(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object
            || !element.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(type.GetString())
            || !element.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidQueryException("intersects must be a GeoJSON geometry object with 'type' and 'coordinates'.", "intersects");
        }

        return new GeoJsonGeometry(type.GetString()!, coordinates.Clone());
    }

    private static List<SortField> ParseSortText(string text)
    {
        var fields = new List<SortField>();
        var entries = text.Split(',');
        CheckSortCount(entries.Length);
        foreach (var raw in entries)
        {
            // A '+' in a query string arrives as a space unless the client escaped it.
            var entry = raw.Trim();
            var direction = entry.StartsWith('-') ? SortDirection.Descending : SortDirection.Ascending;
            var name = entry.TrimStart('+', '-').Trim();
            if (name.Length == 0)
            {
                throw new InvalidQueryException($"sortby entry '{Shorten(raw)}' names no field; write e.g. '-datetime,+id'.", "sortby");
            }

            fields.Add(new SortField(name, direction));
        }

        return fields;
    }

    private static List<SortField> ParseSortArray(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidQueryException("sortby must be an array of {\"field\": …, \"direction\": \"asc\"|\"desc\"}.", "sortby");
        }

        CheckSortCount(element.GetArrayLength());
        var fields = new List<SortField>();
        foreach (var entry in element.EnumerateArray())
        {
            if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("field", out var field) || field.ValueKind != JsonValueKind.String)
            {
                throw new InvalidQueryException("sortby entries must be objects with a string 'field'.", "sortby");
            }

            var direction = entry.TryGetProperty("direction", out var d) ? String(d, "sortby") : "asc";
            fields.Add(new SortField(field.GetString()!, direction switch
            {
                "asc" => SortDirection.Ascending,
                "desc" => SortDirection.Descending,
                _ => throw new InvalidQueryException($"sortby direction '{Shorten(direction)}' is not 'asc' or 'desc'.", "sortby"),
            }));
        }

        return fields;
    }

    private static void CheckSortCount(int count)
    {
        if (count > SearchLimits.MaxSortFields)
        {
            throw new InvalidQueryException($"sortby has {count} fields; at most {SearchLimits.MaxSortFields} are allowed.", "sortby");
        }
    }

    private static string String(JsonElement element, string parameter) =>
        element.ValueKind == JsonValueKind.String
            ? element.GetString()!
            : throw new InvalidQueryException($"{parameter} must be a string, not {Shorten(element.GetRawText())}.", parameter);

    private static List<string> Strings(JsonElement element, string parameter) =>
        element.ValueKind == JsonValueKind.Array && element.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String)
            ? [.. element.EnumerateArray().Select(e => e.GetString()!)]
            : throw new InvalidQueryException($"{parameter} must be an array of strings.", parameter);

    private static double[] Numbers(JsonElement element, string parameter) =>
        element.ValueKind == JsonValueKind.Array && element.GetArrayLength() <= 6
        && element.EnumerateArray().All(e => e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out var n) && double.IsFinite(n))
            ? [.. element.EnumerateArray().Select(e => e.GetDouble())]
            : throw new InvalidQueryException($"{parameter} must be an array of 4 or 6 finite numbers.", parameter);

    private static string Shorten(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
