using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using EarthData.Core.Stac;

namespace EarthData.Core.Catalog;

/// <summary>
/// Evaluates CQL2 expressions against items in memory with SQL's three-valued logic, so that stores can split a filter
/// between SQL and memory and get the same answer: a comparison on an absent or JSON-null property is unknown (null); a
/// comparison between different types is false; <c>and</c>/<c>or</c>/<c>not</c> follow SQL. An item matches when the
/// result is true. Thread-safe.
/// </summary>
public static class CqlEvaluator
{
    /// <summary>Whether the item matches the filter (the result is true, not false or unknown).</summary>
    /// <param name="expression">The filter.</param>
    /// <param name="item">The item.</param>
    /// <param name="intersects">Exact geometry test: whether the item's geometry intersects the given geometry.</param>
    public static bool Matches(CqlExpression expression, StacItem item, Func<StacItem, GeoJsonGeometry, bool> intersects) =>
        Evaluate(expression, item, intersects) == true;

    /// <summary>The three-valued result: true, false or null (unknown).</summary>
    public static bool? Evaluate(CqlExpression expression, StacItem item, Func<StacItem, GeoJsonGeometry, bool> intersects)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(intersects);
        return expression switch
        {
            CqlAnd and => And(and.Args.Select(a => Evaluate(a, item, intersects))),
            CqlOr or => Or(or.Args.Select(a => Evaluate(a, item, intersects))),
            CqlNot not => !Evaluate(not.Arg, item, intersects),
            CqlComparison c => Compare(Value(item, c.Property), c.Value) is { } order ? Holds(c.Operator, order) : Unknown(item, c.Property),
            CqlLike like => Value(item, like.Property) is { ValueKind: JsonValueKind.String } s
                ? LikePattern(like.Pattern).IsMatch(s.GetString()!)
                : Unknown(item, like.Property),
            CqlIn @in => IsAbsent(Value(item, @in.Property))
                ? null
                : @in.Values.Any(v => Compare(Value(item, @in.Property), v) == 0),
            CqlBetween between => IsAbsent(Value(item, between.Property))
                ? null
                : Compare(Value(item, between.Property), between.Low) >= 0 && Compare(Value(item, between.Property), between.High) <= 0,
            CqlIsNull isNull => IsAbsent(Value(item, isNull.Property)),
            CqlSpatialIntersects spatial => item.Geometry is null ? null : intersects(item, spatial.Geometry),
            CqlTemporalIntersects temporal => Instant(Value(item, temporal.Property)) is { } when ? temporal.Interval.Contains(when) : null,
            _ => throw new InvalidQueryException($"filter node {expression.GetType().Name} is not supported.", "filter"),
        };
    }

    /// <summary>The value of a queryable: <c>id</c>, <c>collection</c>, <c>datetime</c>, else the item property; null when absent.</summary>
    public static JsonElement? Value(StacItem item, string property)
    {
        ArgumentNullException.ThrowIfNull(item);
        return property switch
        {
            "id" => StacJson.Element(item.Id),
            "collection" => item.Collection is null ? null : StacJson.Element(item.Collection),
            _ => item.Properties.TryGetValue(property, out var value) ? value : null,
        };
    }

    /// <summary>Converts a CQL2 <c>like</c> pattern to an anchored, case-sensitive regular expression.</summary>
    public static Regex LikePattern(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                regex.Append(Regex.Escape(pattern[++i].ToString()));
            }
            else
            {
                regex.Append(c switch
                {
                    '%' => ".*",
                    '_' => ".",
                    _ => Regex.Escape(c.ToString()),
                });
            }
        }

        return new Regex(regex.Append('$').ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    private static bool IsAbsent(JsonElement? value) => value is not { } v || v.ValueKind == JsonValueKind.Null;

    private static bool? Unknown(StacItem item, string property) => IsAbsent(Value(item, property)) ? null : false;

    /// <summary>Order of the value relative to the literal, or null when absent or of another type.</summary>
    private static int? Compare(JsonElement? value, CqlLiteral literal)
    {
        if (IsAbsent(value))
        {
            return null;
        }

        var v = value!.Value;
        return literal.Kind switch
        {
            CqlLiteralKind.Number when v.ValueKind == JsonValueKind.Number => v.GetDouble().CompareTo((double)literal.Value),
            CqlLiteralKind.Text when v.ValueKind == JsonValueKind.String => Math.Sign(string.CompareOrdinal(v.GetString(), (string)literal.Value)),
            CqlLiteralKind.Boolean when v.ValueKind is JsonValueKind.True or JsonValueKind.False => v.GetBoolean().CompareTo((bool)literal.Value),
            CqlLiteralKind.Timestamp when Instant(v) is { } when => when.CompareTo((DateTime)literal.Value),
            _ => null,
        };
    }

    private static DateTime? Instant(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.String } v &&
        DateTimeOffset.TryParse(v.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed.UtcDateTime
            : null;

    private static bool Holds(CqlOperator op, int order) => op switch
    {
        CqlOperator.Equal => order == 0,
        CqlOperator.NotEqual => order != 0,
        CqlOperator.Less => order < 0,
        CqlOperator.LessOrEqual => order <= 0,
        CqlOperator.Greater => order > 0,
        _ => order >= 0,
    };

    private static bool? And(IEnumerable<bool?> values)
    {
        var unknown = false;
        foreach (var value in values)
        {
            if (value == false)
            {
                return false;
            }

            unknown |= value is null;
        }

        return unknown ? null : true;
    }

    private static bool? Or(IEnumerable<bool?> values)
    {
        var unknown = false;
        foreach (var value in values)
        {
            if (value == true)
            {
                return true;
            }

            unknown |= value is null;
        }

        return unknown ? null : false;
    }
}
