using System.Globalization;
using System.Text.Json;
using EarthData.Core.Geometry;
using EarthData.Core.Stac;

namespace EarthData.Core.Catalog;

/// <summary>
/// Parses the JSON encoding of CQL2 (OGC 21-065) into <see cref="CqlExpression"/> trees. Supported: <c>and</c>, <c>or</c>,
/// <c>not</c>, <c>=</c>, <c>&lt;&gt;</c>, <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c>, <c>like</c>, <c>in</c>,
/// <c>between</c>, <c>isNull</c>, <c>s_intersects</c> and <c>t_intersects</c>, with one side a <c>{"property"}</c> and the
/// other a literal. Errors are <see cref="InvalidQueryException"/>s whose <see cref="InvalidQueryException.Parameter"/> is
/// the path of the offending node (<c>filter/args/1/args/0</c>). Thread-safe.
/// </summary>
public static class Cql2JsonParser
{
    private const int MaxDepth = 64;

    /// <summary>Parses CQL2-JSON text.</summary>
    /// <exception cref="InvalidQueryException">The text is not JSON or not a supported CQL2 expression.</exception>
    public static CqlExpression Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            return Parse(document.RootElement);
        }
        catch (JsonException ex)
        {
            throw new InvalidQueryException($"filter is not valid JSON: {ex.Message}", "filter", ex);
        }
    }

    /// <summary>Parses a CQL2-JSON element.</summary>
    /// <exception cref="InvalidQueryException">The element is not a supported CQL2 expression.</exception>
    public static CqlExpression Parse(JsonElement element) => Expression(element, "filter", 0);

    private static CqlExpression Expression(JsonElement node, string path, int depth)
    {
        if (depth > MaxDepth)
        {
            throw Error(path, $"nesting deeper than {MaxDepth} levels");
        }

        if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty("op", out var opElement) || opElement.ValueKind != JsonValueKind.String)
        {
            throw Error(path, "expected an object {\"op\": ..., \"args\": [...]}");
        }

        var op = opElement.GetString()!;
        if (!node.TryGetProperty("args", out var args) || args.ValueKind != JsonValueKind.Array)
        {
            throw Error(path, $"'{op}' needs an 'args' array");
        }

        var argsPath = path + "/args";
        switch (op)
        {
            case "and":
            case "or":
            {
                if (args.GetArrayLength() < 2)
                {
                    throw Error(argsPath, $"'{op}' needs at least 2 arguments, got {args.GetArrayLength()}");
                }

                var operands = args.EnumerateArray().Select((a, i) => Expression(a, $"{argsPath}/{i}", depth + 1)).ToArray();
                return op == "and" ? new CqlAnd(operands) : new CqlOr(operands);
            }

            case "not":
                Arity(args, 1, op, argsPath);
                return new CqlNot(Expression(args[0], argsPath + "/0", depth + 1));
            case "=":
            case "<>":
            case "<":
            case "<=":
            case ">":
            case ">=":
                return Comparison(op, args, argsPath);
            case "like":
            {
                Arity(args, 2, op, argsPath);
                var property = Property(args[0], argsPath + "/0", op);
                if (args[1].ValueKind != JsonValueKind.String)
                {
                    throw Error(argsPath + "/1", "'like' needs a string pattern");
                }

                return new CqlLike(property, args[1].GetString()!);
            }

            case "in":
            {
                Arity(args, 2, op, argsPath);
                var property = Property(args[0], argsPath + "/0", op);
                if (args[1].ValueKind != JsonValueKind.Array || args[1].GetArrayLength() == 0)
                {
                    throw Error(argsPath + "/1", "'in' needs a non-empty array of literals");
                }

                return new CqlIn(property, [.. args[1].EnumerateArray().Select((v, i) => Literal(v, $"{argsPath}/1/{i}", property))]);
            }

            case "between":
            {
                Arity(args, 3, op, argsPath);
                var property = Property(args[0], argsPath + "/0", op);
                return new CqlBetween(property, Literal(args[1], argsPath + "/1", property), Literal(args[2], argsPath + "/2", property));
            }

            case "isNull":
                Arity(args, 1, op, argsPath);
                return new CqlIsNull(Property(args[0], argsPath + "/0", op));
            case "s_intersects":
            {
                Arity(args, 2, op, argsPath);
                var (propertyIndex, literalIndex) = IsProperty(args[0]) ? (0, 1) : (1, 0);
                var property = Property(args[propertyIndex], $"{argsPath}/{propertyIndex}", op);
                if (property != "geometry")
                {
                    throw Error($"{argsPath}/{propertyIndex}", $"'s_intersects' works on the 'geometry' property, not '{property}'");
                }

                return new CqlSpatialIntersects(property, GeometryLiteral(args[literalIndex], $"{argsPath}/{literalIndex}"));
            }

            case "t_intersects":
            {
                Arity(args, 2, op, argsPath);
                var (propertyIndex, literalIndex) = IsProperty(args[0]) ? (0, 1) : (1, 0);
                var property = Property(args[propertyIndex], $"{argsPath}/{propertyIndex}", op);
                return new CqlTemporalIntersects(property, TemporalLiteral(args[literalIndex], $"{argsPath}/{literalIndex}"));
            }

            default:
                throw Error(path + "/op", $"operator '{op}' is not supported (and, or, not, =, <>, <, <=, >, >=, like, in, between, isNull, s_intersects, t_intersects)");
        }
    }

    private static CqlComparison Comparison(string op, JsonElement args, string argsPath)
    {
        Arity(args, 2, op, argsPath);
        var reversed = !IsProperty(args[0]) && IsProperty(args[1]);
        var (propertyIndex, literalIndex) = reversed ? (1, 0) : (0, 1);
        var property = Property(args[propertyIndex], $"{argsPath}/{propertyIndex}", op);
        var literal = Literal(args[literalIndex], $"{argsPath}/{literalIndex}", property);
        var comparison = op switch
        {
            "=" => CqlOperator.Equal,
            "<>" => CqlOperator.NotEqual,
            "<" => reversed ? CqlOperator.Greater : CqlOperator.Less,
            "<=" => reversed ? CqlOperator.GreaterOrEqual : CqlOperator.LessOrEqual,
            ">" => reversed ? CqlOperator.Less : CqlOperator.Greater,
            _ => reversed ? CqlOperator.LessOrEqual : CqlOperator.GreaterOrEqual,
        };
        return new CqlComparison(property, comparison, literal);
    }

    private static bool IsProperty(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("property", out _);

    private static string Property(JsonElement element, string path, string op)
    {
        if (!IsProperty(element) || element.GetProperty("property") is not { ValueKind: JsonValueKind.String } name)
        {
            throw Error(path, $"'{op}' expects {{\"property\": \"name\"}} here");
        }

        var text = name.GetString()!;
        if (text.StartsWith("properties.", StringComparison.Ordinal))
        {
            text = text["properties.".Length..];
        }

        if (text.Length == 0 || text.Contains('"', StringComparison.Ordinal) || text.Contains('\\', StringComparison.Ordinal))
        {
            throw Error(path, $"property name '{text}' is empty or contains '\"' or '\\'");
        }

        return text;
    }

    private static CqlLiteral Literal(JsonElement element, string path, string property)
    {
        var literal = element.ValueKind switch
        {
            JsonValueKind.Number => CqlLiteral.Number(element.GetDouble()),
            JsonValueKind.String => CqlLiteral.Text(element.GetString()!),
            JsonValueKind.True => CqlLiteral.Boolean(true),
            JsonValueKind.False => CqlLiteral.Boolean(false),
            JsonValueKind.Object when element.TryGetProperty("timestamp", out var t) => CqlLiteral.Timestamp(Instant(t, path)),
            JsonValueKind.Object when element.TryGetProperty("date", out var d) => CqlLiteral.Timestamp(Date(d, path)),
            _ => throw Error(path, "expected a number, string, boolean, {\"timestamp\"} or {\"date\"} literal"),
        };

        // datetime is a timestamp column: accept RFC 3339 strings for it.
        if (property == "datetime" && literal.Kind == CqlLiteralKind.Text)
        {
            return CqlLiteral.Timestamp(Instant(element, path));
        }

        if (property == "datetime" && literal.Kind != CqlLiteralKind.Timestamp)
        {
            throw Error(path, "'datetime' compares with a {\"timestamp\"} or {\"date\"} literal");
        }

        return literal;
    }

    private static DateTime Instant(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.String &&
        DateTimeOffset.TryParse(element.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value.UtcDateTime
            : throw Error(path, $"'{element}' is not an RFC 3339 timestamp");

    private static DateTime Date(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.String &&
        DateOnly.TryParseExact(element.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? value.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)
            : throw Error(path, $"'{element}' is not a yyyy-MM-dd date");

    private static DatetimeInterval TemporalLiteral(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("interval", out var interval))
        {
            if (interval.ValueKind != JsonValueKind.Array || interval.GetArrayLength() != 2)
            {
                throw Error(path + "/interval", "an interval is [start, end] with '..' for an open end");
            }

            DateTime? Bound(JsonElement bound, int index) => bound.ValueKind == JsonValueKind.String && bound.GetString() == ".."
                ? null
                : bound.ValueKind == JsonValueKind.Object && bound.TryGetProperty("date", out var d) ? Date(d, $"{path}/interval/{index}")
                : bound.ValueKind == JsonValueKind.Object && bound.TryGetProperty("timestamp", out var t) ? Instant(t, $"{path}/interval/{index}")
                : bound.GetString()?.Length == 10 ? Date(bound, $"{path}/interval/{index}") : Instant(bound, $"{path}/interval/{index}");

            return new DatetimeInterval(Bound(interval[0], 0), Bound(interval[1], 1));
        }

        var instant = Literal(element, path, "datetime");
        var value = (DateTime)instant.Value;
        return new DatetimeInterval(value, value);
    }

    private static GeoJsonGeometry GeometryLiteral(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("bbox", out var bbox))
        {
            if (bbox.ValueKind != JsonValueKind.Array || bbox.GetArrayLength() != 4 || bbox.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.Number))
            {
                throw Error(path + "/bbox", "a bbox literal is [west, south, east, north]");
            }

            var b = bbox.EnumerateArray().Select(v => v.GetDouble()).ToArray();
            return GeoJsonGeometry.FromBoundingBox(new BoundingBox(b[0], b[1], b[2], b[3]));
        }

        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String ||
            !element.TryGetProperty("coordinates", out var coordinates))
        {
            throw Error(path, "expected a GeoJSON geometry {\"type\", \"coordinates\"} or a {\"bbox\"} literal");
        }

        var geometry = new GeoJsonGeometry(type.GetString()!, coordinates.Clone());
        if (geometry.Type is not ("Point" or "MultiPoint" or "LineString" or "MultiLineString" or "Polygon" or "MultiPolygon"))
        {
            throw Error(path + "/type", $"geometry type '{geometry.Type}' is not supported");
        }

        try
        {
            geometry.Envelope();
        }
        catch (FormatException ex)
        {
            throw Error(path + "/coordinates", ex.Message);
        }

        return geometry;
    }

    private static void Arity(JsonElement args, int count, string op, string path)
    {
        if (args.GetArrayLength() != count)
        {
            throw Error(path, $"'{op}' needs {count} argument(s), got {args.GetArrayLength()}");
        }
    }

    private static InvalidQueryException Error(string path, string message) => new($"{path}: {message}.", path);
}
