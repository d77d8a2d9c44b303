using System.Globalization;
using System.Text;
using System.Text.Json;
using EarthData.Core.Catalog;
using EarthData.Core.Geometry;

namespace EarthData.Storage.Catalog;

/// <summary>
/// SQLite fragments: properties through <c>json_extract</c>/<c>json_type</c> with a bound JSON path, datetimes as
/// fixed-width UTC text (<see cref="PageToken.DatetimeFormat"/>), the bbox prefilter through the <c>items_rtree</c> R*Tree.
/// Property sort keys order NULL, numbers, text as SQLite does.
/// </summary>
internal sealed class SqliteCatalogDialect : CatalogSqlDialect
{
    public override string False => "0";

    public override object DatetimeValue(DateTime utc) => PageToken.FormatDatetime(utc);

    public static string Path(string property) => "$.properties.\"" + property + "\"";

    public override string? Compare(SqlBuilder sql, string property, string op, CqlLiteral literal)
    {
        var (types, value) = literal.Kind switch
        {
            CqlLiteralKind.Number => ("'integer', 'real'", literal.Value),
            CqlLiteralKind.Text => ("'text'", literal.Value),
            CqlLiteralKind.Boolean => ("'true', 'false'", (bool)literal.Value ? 1 : 0),
            _ => (null, null),
        };
        if (types is null)
        {
            return null;
        }

        var read = Read(sql, property);
        return $"NULLIF({read.Type}, 'null') IN ({types}) AND {read.Value} {op} {sql.Param(value)}";
    }

    /// <summary>
    /// Reads each JSON property of the part once per row: <c>(SELECT part FROM (SELECT json_extract(…) AS pv0,
    /// json_type(…) AS pt0, …))</c>, the part referring to the columns. SQLite evaluates a function call wherever it is
    /// written, so <c>and(5 × or(49 comparisons))</c> on one property otherwise costs up to 490 JSON look-ups per row.
    /// </summary>
    public override (string? Sql, bool Exact) ReadPropertiesOnce(SqlBuilder sql, Func<(string? Sql, bool Exact)> translate)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(translate);
        var bound = new Dictionary<string, int>(StringComparer.Ordinal);
        sql.BoundProperties = bound;
        (string? Sql, bool Exact) part;
        try
        {
            part = translate();
        }
        finally
        {
            sql.BoundProperties = null;
        }

        if (part.Sql is null || bound.Count == 0)
        {
            return part;
        }

        var columns = string.Join(", ", bound.Select(b =>
        {
            var path = sql.Param(Path(b.Key));
            return $"json_extract(i.content, {path}) AS pv{b.Value}, json_type(i.content, {path}) AS pt{b.Value}";
        }));
        return ($"(SELECT {part.Sql} FROM (SELECT {columns}))", part.Exact);
    }

    /// <summary>The value and JSON type of a property: columns of <see cref="ReadPropertiesOnce"/> inside it, function calls elsewhere.</summary>
    private static (string Value, string Type) Read(SqlBuilder sql, string property)
    {
        if (sql.BoundProperties is { } bound)
        {
            if (!bound.TryGetValue(property, out var column))
            {
                bound[property] = column = bound.Count;
            }

            return (string.Create(CultureInfo.InvariantCulture, $"pv{column}"), string.Create(CultureInfo.InvariantCulture, $"pt{column}"));
        }

        var path = sql.Param(Path(property));
        return ($"json_extract(i.content, {path})", $"json_type(i.content, {path})");
    }

    public override string Like(SqlBuilder sql, string property, string pattern)
    {
        // GLOB is case-sensitive (LIKE is not in SQLite): translate % _ and \-escapes to a glob.
        var glob = sql.Param(ToGlob(pattern));
        if (IsColumn(property))
        {
            return $"{Column(property)} GLOB {glob}";
        }

        var read = Read(sql, property);
        return $"NULLIF({read.Type}, 'null') = 'text' AND {read.Value} GLOB {glob}";
    }

    public override string IsNull(SqlBuilder sql, string property) => $"COALESCE({Read(sql, property).Type}, 'null') = 'null'";

    public override string InList(SqlBuilder sql, string column, IReadOnlyList<string> values) =>
        $"{column} IN (SELECT value FROM json_each({sql.Param(JsonSerializer.Serialize(values))}))";

    public override string? InValues(SqlBuilder sql, string property, IReadOnlyList<CqlLiteral> values)
    {
        if (IsColumn(property) || values.Any(v => v.Kind is not (CqlLiteralKind.Number or CqlLiteralKind.Text or CqlLiteralKind.Boolean)))
        {
            return null;
        }

        var read = Read(sql, property);
        var tests = new List<string>();
        foreach (var (kind, types) in new[] { (CqlLiteralKind.Number, "'integer', 'real'"), (CqlLiteralKind.Text, "'text'"), (CqlLiteralKind.Boolean, "'true', 'false'") })
        {
            var members = values.Where(v => v.Kind == kind).Select(v => v.Kind == CqlLiteralKind.Boolean ? ((bool)v.Value ? 1 : 0) : v.Value).ToArray();
            if (members.Length > 0)
            {
                tests.Add($"(NULLIF({read.Type}, 'null') IN ({types}) AND {read.Value} IN (SELECT value FROM json_each({sql.Param(JsonSerializer.Serialize(members))})))");
            }
        }

        return string.Join(" OR ", tests);
    }

    public override string BboxOverlaps(SqlBuilder sql, BoundingBox box) =>
        $"i.pk IN (SELECT r.id FROM items_rtree r WHERE r.minx <= {sql.Param(box.MaxX)} AND r.maxx >= {sql.Param(box.MinX)} " +
        $"AND r.miny <= {sql.Param(box.MaxY)} AND r.maxy >= {sql.Param(box.MinY)})";

    public override string SortExpression(SqlBuilder sql, string field) =>
        IsColumn(field) ? Column(field) : $"json_extract(i.content, {sql.Param(Path(field))})";

    public override string KeyEquals(SqlBuilder sql, string field, JsonElement? value) =>
        value is null ? $"{SortExpression(sql, field)} IS NULL" : $"{SortExpression(sql, field)} = {sql.Param(KeyValue(field, value))}";

    public override string KeyAfter(SqlBuilder sql, string field, SortDirection direction, JsonElement? value)
    {
        // SQLite sorts NULL first ascending and last descending.
        var expression = SortExpression(sql, field);
        if (direction == SortDirection.Ascending)
        {
            return value is null ? $"{expression} IS NOT NULL" : $"{expression} > {sql.Param(KeyValue(field, value))}";
        }

        return value is null ? False : $"({expression} < {sql.Param(KeyValue(field, value))} OR {expression} IS NULL)";
    }

    private static object KeyValue(string field, JsonElement? key) => field switch
    {
        "datetime" => PageToken.FormatDatetime(KeyDatetime(key)),
        "id" or "collection" => KeyText(key),
        _ => key!.Value.ValueKind switch
        {
            JsonValueKind.Number => key.Value.TryGetInt64(out var whole) ? whole : key.Value.GetDouble(),
            JsonValueKind.String => key.Value.GetString()!,
            JsonValueKind.True => 1,
            JsonValueKind.False => 0,
            _ => key.Value.GetRawText(),
        },
    };

    private static string ToGlob(string pattern)
    {
        var glob = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                glob.Append(Literal(pattern[++i]));
            }
            else
            {
                glob.Append(c switch
                {
                    '%' => "*",
                    '_' => "?",
                    _ => Literal(c),
                });
            }
        }

        return glob.ToString();

        static string Literal(char c) => c is '*' or '?' or '[' ? "[" + c + "]" : c.ToString();
    }
}
