using System.Globalization;
using System.Text;
using System.Text.Json;
using EarthData.Core.Catalog;
using EarthData.Core.Geometry;

namespace EarthData.Storage.Catalog;

/// <summary>
/// SQLite fragments: properties through <c>json_extract</c>/<c>json_type</c> with a bound JSON path, datetimes as
/// fixed-width UTC text (<see cref="PageToken.DatetimeFormat"/>), the bbox prefilter through the <c>items_rtree</c> R*Tree.
/// Property sort keys order numbers, then text, as SQLite does; an absent property or JSON null is NULL, sorted last.
/// </summary>
internal sealed class SqliteCatalogDialect : CatalogSqlDialect
{
    public override string False => "0";

    public override object DatetimeValue(DateTime utc) => PageToken.FormatDatetime(utc);

    public static string Path(string property) => "$.properties.\"" + property + "\"";

    public override string? Compare(SqlBuilder sql, string property, string op, CqlLiteral literal)
    {
        object? value = literal.Kind switch
        {
            CqlLiteralKind.Number or CqlLiteralKind.Text => literal.Value,
            CqlLiteralKind.Boolean => (bool)literal.Value ? 1 : 0,
            _ => null,
        };
        return value is null ? null : $"{TypeIs(sql, property, literal.Kind)} AND {Value(sql, property)} {op} {sql.Param(value)}";
    }

    /// <summary>
    /// Reads each JSON property of the part once per row: <c>(SELECT part FROM (SELECT json_extract(…) AS pv0,
    /// NULLIF(json_type(…), 'null') IN ('integer', 'real') AS pn0, …))</c>, the part referring to the columns (SQLite
    /// computes them once per row; it evaluates a function call, or a type test, wherever it is written). Without it,
    /// <c>and(5 × or(49 comparisons))</c> on one property costs up to 490 JSON look-ups and 245 type tests per row.
    /// </summary>
    public override (string? Sql, bool Exact) ReadPropertiesOnce(SqlBuilder sql, Func<(string? Sql, bool Exact)> translate)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(translate);
        var columns = new Dictionary<string, string>(StringComparer.Ordinal);
        sql.Bound = (new Dictionary<string, int>(StringComparer.Ordinal), columns);
        (string? Sql, bool Exact) part;
        try
        {
            part = translate();
        }
        finally
        {
            sql.Bound = null;
        }

        return part.Sql is null || columns.Count == 0
            ? part
            : ($"(SELECT {part.Sql} FROM (SELECT {string.Join(", ", columns.Select(c => c.Value + " AS " + c.Key))}))", part.Exact);
    }

    /// <summary>The property's value: NULL when absent, an SQL number, text or 0/1 for a JSON boolean.</summary>
    private static string Value(SqlBuilder sql, string property) =>
        Reading(sql, property, "pv", path => $"json_extract(i.content, {path})");

    /// <summary>Whether the property has the JSON type of a literal kind: NULL when absent or JSON null, else true or false.</summary>
    private static string TypeIs(SqlBuilder sql, string property, CqlLiteralKind kind)
    {
        var (alias, types) = kind switch
        {
            CqlLiteralKind.Number => ("pn", "'integer', 'real'"),
            CqlLiteralKind.Text => ("ps", "'text'"),
            _ => ("pb", "'true', 'false'"),
        };
        return Reading(sql, property, alias, path => $"NULLIF(json_type(i.content, {path}), 'null') IN ({types})");
    }

    /// <summary>
    /// An expression over one property (<paramref name="expression"/> of its bound JSON path): inside
    /// <see cref="ReadPropertiesOnce"/> a per-row column (<paramref name="kind"/> and the property's number), elsewhere the
    /// expression itself.
    /// </summary>
    private static string Reading(SqlBuilder sql, string property, string kind, Func<string, string> expression)
    {
        if (sql.Bound is not var (properties, columns))
        {
            return expression(sql.Param(Path(property)));
        }

        if (!properties.TryGetValue(property, out var number))
        {
            properties[property] = number = properties.Count;
        }

        var alias = string.Create(CultureInfo.InvariantCulture, $"{kind}{number}");
        if (!columns.ContainsKey(alias))
        {
            columns[alias] = expression(sql.Param(Path(property)));
        }

        return alias;
    }

    public override string Like(SqlBuilder sql, string property, string pattern)
    {
        // GLOB is case-sensitive (LIKE is not in SQLite): translate % _ and \-escapes to a glob.
        var glob = sql.Param(ToGlob(pattern));
        if (IsColumn(property))
        {
            return $"{Column(property)} GLOB {glob}";
        }

        return $"{TypeIs(sql, property, CqlLiteralKind.Text)} AND {Value(sql, property)} GLOB {glob}";
    }

    public override string IsNull(SqlBuilder sql, string property) =>
        Reading(sql, property, "pz", path => $"COALESCE(json_type(i.content, {path}), 'null') = 'null'");

    public override string InList(SqlBuilder sql, string column, IReadOnlyList<string> values) =>
        $"{column} IN (SELECT value FROM json_each({sql.Param(JsonSerializer.Serialize(values))}))";

    public override string? InValues(SqlBuilder sql, string property, IReadOnlyList<CqlLiteral> values)
    {
        if (IsColumn(property) || values.Any(v => v.Kind is not (CqlLiteralKind.Number or CqlLiteralKind.Text or CqlLiteralKind.Boolean)))
        {
            return null;
        }

        var tests = new List<string>();
        foreach (var kind in new[] { CqlLiteralKind.Number, CqlLiteralKind.Text, CqlLiteralKind.Boolean })
        {
            var members = values.Where(v => v.Kind == kind).Select(v => v.Kind == CqlLiteralKind.Boolean ? ((bool)v.Value ? 1 : 0) : v.Value).ToArray();
            if (members.Length > 0)
            {
                tests.Add($"({TypeIs(sql, property, kind)} AND {Value(sql, property)} IN (SELECT value FROM json_each({sql.Param(JsonSerializer.Serialize(members))})))");
            }
        }

        return string.Join(" OR ", tests);
    }

    public override string BboxOverlaps(SqlBuilder sql, BoundingBox box) =>
        $"i.pk IN (SELECT r.id FROM items_rtree r WHERE r.minx <= {sql.Param(box.MaxX)} AND r.maxx >= {sql.Param(box.MinX)} " +
        $"AND r.miny <= {sql.Param(box.MaxY)} AND r.maxy >= {sql.Param(box.MinY)})";

    public override string SortExpression(SqlBuilder sql, string field) =>
        IsColumn(field) ? Column(field) : $"json_extract(i.content, {sql.Param(Path(field))})";

    protected override object KeyValue(string field, JsonElement? value) => field switch
    {
        "datetime" => PageToken.FormatDatetime(KeyDatetime(value)),
        "id" or "collection" => KeyText(value),
        _ => value!.Value.ValueKind switch
        {
            JsonValueKind.Number => value.Value.TryGetInt64(out var whole) ? whole : value.Value.GetDouble(),
            JsonValueKind.String => value.Value.GetString()!,
            JsonValueKind.True => 1,
            JsonValueKind.False => 0,
            _ => value.Value.GetRawText(),
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
