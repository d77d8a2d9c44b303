using System.Text.Json;
using EarthData.Core.Catalog;
using EarthData.Core.Geometry;

namespace EarthData.Storage.Catalog;

/// <summary>
/// The SQL fragments that differ between SQLite and PostgreSQL. Every fragment over a property is three-valued like
/// <see cref="CqlEvaluator"/>: NULL when the property is absent or JSON null, FALSE when it has another JSON type.
/// The item table is aliased <c>i</c>.
/// </summary>
internal abstract class CatalogSqlDialect
{
    public const string IdColumn = "i.id";
    public const string CollectionColumn = "i.collection";
    public const string DatetimeColumn = "i.datetime";

    public abstract string False { get; }

    /// <summary>The parameter value of a datetime column comparison.</summary>
    public abstract object DatetimeValue(DateTime utc);

    /// <summary><c>property op literal</c> with a type guard, or null when not expressible in SQL.</summary>
    public abstract string? Compare(SqlBuilder sql, string property, string op, CqlLiteral literal);

    /// <summary><c>property LIKE pattern</c> (case-sensitive, <c>\</c> escapes) on a string property.</summary>
    public abstract string Like(SqlBuilder sql, string property, string pattern);

    /// <summary>Whether the property is absent or JSON null (never NULL itself).</summary>
    public abstract string IsNull(SqlBuilder sql, string property);

    /// <summary>
    /// <c>column IN (values)</c> with the list bound as one array parameter, so the cost of binding stays linear in the
    /// list (thousands of named parameters cost SQLite quadratic time) and the statement text does not grow with it.
    /// </summary>
    public abstract string InList(SqlBuilder sql, string column, IReadOnlyList<string> values);

    /// <summary>
    /// <c>property IN (literals)</c> as one membership test per literal type (the property is read once per row, not once
    /// per literal), or null to let the planner compare each literal.
    /// </summary>
    public virtual string? InValues(SqlBuilder sql, string property, IReadOnlyList<CqlLiteral> values) => null;

    /// <summary>
    /// The SQL of a filter part that reads some JSON property more than once (<paramref name="translate"/> builds it):
    /// a dialect may read each property once per row instead of once per comparison. The default builds it as it is.
    /// </summary>
    public virtual (string? Sql, bool Exact) ReadPropertiesOnce(SqlBuilder sql, Func<(string? Sql, bool Exact)> translate)
    {
        ArgumentNullException.ThrowIfNull(translate);
        return translate();
    }

    /// <summary>Index prefilter: the item's indexed box overlaps <paramref name="box"/>.</summary>
    public abstract string BboxOverlaps(SqlBuilder sql, BoundingBox box);

    /// <summary>
    /// The ORDER BY expression of a sort field: the column, or the property's value — SQL NULL when the item lacks the
    /// property or holds JSON null there.
    /// </summary>
    public abstract string SortExpression(SqlBuilder sql, string field);

    /// <summary>
    /// The ORDER BY term of a sort field. Items lacking a property come last in both directions (someone asking for the
    /// least or the most cloudy scenes first never wants the unknowns first), on both stores alike; the columns are
    /// never NULL and keep their index order.
    /// </summary>
    public string OrderBy(SqlBuilder sql, string field, SortDirection direction) =>
        SortExpression(sql, field) + (direction == SortDirection.Ascending ? " ASC" : " DESC") + (IsColumn(field) ? string.Empty : " NULLS LAST");

    /// <summary>The sort expression equals the key value (a null key: the item lacks the property).</summary>
    public string KeyEquals(SqlBuilder sql, string field, JsonElement? value) =>
        value is null && !IsColumn(field)
            ? $"{SortExpression(sql, field)} IS NULL"
            : $"{SortExpression(sql, field)} = {sql.Param(KeyValue(field, value))}";

    /// <summary>
    /// The sort expression comes strictly after the key value in the given direction, in the order of
    /// <see cref="OrderBy"/>: after a value come greater (ascending) or smaller (descending) values, then every item lacking
    /// the property; nothing comes after a null key (the tie-breaking fields order those items).
    /// </summary>
    public string KeyAfter(SqlBuilder sql, string field, SortDirection direction, JsonElement? value)
    {
        var expression = SortExpression(sql, field);
        var after = $"{expression} {(direction == SortDirection.Ascending ? ">" : "<")} ";
        if (IsColumn(field))
        {
            return after + sql.Param(KeyValue(field, value));
        }

        return value is null ? False : $"({after}{sql.Param(KeyValue(field, value))} OR {expression} IS NULL)";
    }

    /// <summary>The parameter value a sort key is compared with (a null key of a column is a token not issued here).</summary>
    protected abstract object KeyValue(string field, JsonElement? value);

    public static string Operator(CqlOperator op) => op switch
    {
        CqlOperator.Equal => "=",
        CqlOperator.NotEqual => "<>",
        CqlOperator.Less => "<",
        CqlOperator.LessOrEqual => "<=",
        CqlOperator.Greater => ">",
        _ => ">=",
    };

    /// <summary>Whether the field is one of the indexed columns rather than an item property.</summary>
    public static bool IsColumn(string field) => field is "id" or "collection" or "datetime";

    public static string Column(string field) => field switch
    {
        "id" => IdColumn,
        "collection" => CollectionColumn,
        "datetime" => DatetimeColumn,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    /// <summary>The datetime of a datetime sort key.</summary>
    protected static DateTime KeyDatetime(JsonElement? value)
    {
        try
        {
            return value is { ValueKind: JsonValueKind.String } v
                ? Core.Stac.StacItem.ParseInstant(v.GetString()!)
                : throw new InvalidQueryException("token is not a token issued by this catalogue.", "token");
        }
        catch (FormatException ex)
        {
            throw new InvalidQueryException("token is not a token issued by this catalogue.", "token", ex);
        }
    }

    /// <summary>The string of an id/collection sort key.</summary>
    protected static string KeyText(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.String } v ? v.GetString()! : throw new InvalidQueryException("token is not a token issued by this catalogue.", "token");
}
