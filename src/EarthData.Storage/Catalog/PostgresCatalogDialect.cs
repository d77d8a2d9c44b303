using System.Text.Json;
using EarthData.Core.Catalog;
using EarthData.Core.Geometry;

namespace EarthData.Storage.Catalog;

/// <summary>
/// PostgreSQL fragments: properties through <c>content-&gt;'properties'-&gt;name</c> (jsonb) with the name bound as a
/// parameter; numbers and booleans compared as jsonb, strings as text in the "C" collation (ordinal, like the evaluator);
/// the bbox prefilter through <c>box &amp;&amp; box</c> on the GiST-indexed <c>bbox</c> column. Property sort keys use
/// jsonb ordering; an absent property or JSON null is SQL NULL, sorted last.
/// </summary>
internal sealed class PostgresCatalogDialect : CatalogSqlDialect
{
    public override string False => "FALSE";

    /// <summary>timestamptz has microsecond precision: truncate so stored values and keyset cursors agree.</summary>
    public static DateTime Microseconds(DateTime utc) =>
        new(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);

    public override object DatetimeValue(DateTime utc) => Microseconds(utc);

    private static string Property(SqlBuilder sql, string property) => $"i.content->'properties'->{sql.Param(property)}";

    public override string? Compare(SqlBuilder sql, string property, string op, CqlLiteral literal)
    {
        var name = sql.Param(property);
        var value = $"i.content->'properties'->{name}";
        return literal.Kind switch
        {
            CqlLiteralKind.Number => $"NULLIF(jsonb_typeof({value}), 'null') = 'number' AND {value} {op} {sql.Param(new JsonbValue(JsonSerializer.Serialize((double)literal.Value)))}",
            CqlLiteralKind.Boolean => $"NULLIF(jsonb_typeof({value}), 'null') = 'boolean' AND {value} {op} {sql.Param(new JsonbValue((bool)literal.Value ? "true" : "false"))}",
            CqlLiteralKind.Text => $"NULLIF(jsonb_typeof({value}), 'null') = 'string' AND (i.content->'properties'->>{name}) COLLATE \"C\" {op} {sql.Param(literal.Value)}",
            _ => null,
        };
    }

    public override string Like(SqlBuilder sql, string property, string pattern)
    {
        if (IsColumn(property))
        {
            return $"{Column(property)} LIKE {sql.Param(pattern)}";
        }

        var name = sql.Param(property);
        return $"NULLIF(jsonb_typeof(i.content->'properties'->{name}), 'null') = 'string' AND (i.content->'properties'->>{name}) LIKE {sql.Param(pattern)}";
    }

    public override string IsNull(SqlBuilder sql, string property) =>
        $"COALESCE(jsonb_typeof({Property(sql, property)}), 'null') = 'null'";

    public override string InList(SqlBuilder sql, string column, IReadOnlyList<string> values) =>
        $"{column} = ANY({sql.Param(values.ToArray())})";

    public override string BboxOverlaps(SqlBuilder sql, BoundingBox box) =>
        $"i.bbox && box(point({sql.Param(box.MinX)}, {sql.Param(box.MinY)}), point({sql.Param(box.MaxX)}, {sql.Param(box.MaxY)}))";

    public override string SortExpression(SqlBuilder sql, string field) =>
        IsColumn(field) ? Column(field) : $"NULLIF({Property(sql, field)}, 'null'::jsonb)";

    protected override object KeyValue(string field, JsonElement? value) => field switch
    {
        "datetime" => Microseconds(KeyDatetime(value)),
        "id" or "collection" => KeyText(value),
        _ => new JsonbValue(value!.Value.GetRawText()),
    };
}
