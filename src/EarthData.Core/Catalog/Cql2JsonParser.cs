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
    private const int MaxDepth = SearchLimits.MaxFilterDepth;

    /// <summary>JSON reader options of every request document: duplicate member names are ambiguous and refused.</summary>
    public static JsonDocumentOptions DocumentOptions { get; } = new() { AllowDuplicateProperties = false, MaxDepth = 128 };

    /// <summary>Parses CQL2-JSON text.</summary>
    /// <exception cref="InvalidQueryException">The text is not JSON or not a supported CQL2 expression.</exception>
    public static CqlExpression Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json, DocumentOptions);
            return Parse(document.RootElement);
        }
        catch (JsonException ex)
        {
            throw new InvalidQueryException($"filter is not valid JSON ({JsonProblem(ex)}).", "filter", ex);
        }
    }

    /// <summary>Parses a CQL2-JSON element.</summary>
    /// <exception cref="InvalidQueryException">
    /// The element is not a supported CQL2 expression, or exceeds a bound of <see cref="SearchLimits"/>.
    /// </exception>
    public static CqlExpression Parse(JsonElement element) => Expression(element, "filter", 0, new Budget());

    /// <summary>Where a JSON document went wrong, without the parser's internals: <c>line 1, byte 7</c>.</summary>
    public static string JsonProblem(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var where = exception.LineNumber is { } line
            ? string.Create(CultureInfo.InvariantCulture, $"at line {line + 1}, byte {exception.BytePositionInLine + 1}")
            : "at its end";
        var duplicate = exception.Message.Contains("uplicate", StringComparison.Ordinal) ? ": a member name appears twice" : string.Empty;
        return where + duplicate;
    }

    private static CqlExpression Expression(JsonElement node, string path, int depth, Budget budget)
    {
        if (depth > MaxDepth)
        {
            throw Error(path, $"nesting deeper than {MaxDepth} levels");
        }

        budget.Count(path);

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
                if (args.GetArrayLength() is < 2 or > SearchLimits.MaxLogicalArgs)
                {
                    throw Error(argsPath, $"'{op}' needs 2 to {SearchLimits.MaxLogicalArgs} arguments, got {args.GetArrayLength()}");
                }

                var operands = args.EnumerateArray().Select((a, i) => Expression(a, $"{argsPath}/{i}", depth + 1, budget)).ToArray();
                return op == "and" ? new CqlAnd(operands) : new CqlOr(operands);
            }

            case "not":
                Arity(args, 1, op, argsPath);
                return new CqlNot(Expression(args[0], argsPath + "/0", depth + 1, budget));
            case "=":
            case "<>":
            case "<":
            case "<=":
            case ">":
            case ">=":
                return Comparison(op, args, argsPath, budget);
            case "like":
            {
                Arity(args, 2, op, argsPath);
                var property = Property(args[0], argsPath + "/0", op);
                if (args[1].ValueKind != JsonValueKind.String)
                {
                    throw Error(argsPath + "/1", "'like' needs a string pattern");
                }

                if (args[1].GetString()!.Length > SearchLimits.MaxTextLiteralLength || args[1].GetString()!.Contains('\0', StringComparison.Ordinal))
                {
                    throw Error(argsPath + "/1", $"'like' patterns are at most {SearchLimits.MaxTextLiteralLength} characters, without NUL");
                }

                return new CqlLike(property, args[1].GetString()!);
            }

            case "in":
            {
                Arity(args, 2, op, argsPath);
                var property = Property(args[0], argsPath + "/0", op);
                if (args[1].ValueKind != JsonValueKind.Array || args[1].GetArrayLength() is 0 or > SearchLimits.MaxInValues)
                {
                    throw Error(argsPath + "/1", $"'in' needs an array of 1 to {SearchLimits.MaxInValues} literals");
                }

                return new CqlIn(property, [.. args[1].EnumerateArray().Select((v, i) => Literal(v, $"{argsPath}/1/{i}", property, budget))]);
            }

            case "between":
            {
                Arity(args, 3, op, argsPath);
                var property = Property(args[0], argsPath + "/0", op);
                return new CqlBetween(property, Literal(args[1], argsPath + "/1", property, budget), Literal(args[2], argsPath + "/2", property, budget));
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

                return new CqlSpatialIntersects(property, GeometryLiteral(args[literalIndex], $"{argsPath}/{literalIndex}", budget));
            }

            case "t_intersects":
            {
                Arity(args, 2, op, argsPath);
                var (propertyIndex, literalIndex) = IsProperty(args[0]) ? (0, 1) : (1, 0);
                var property = Property(args[propertyIndex], $"{argsPath}/{propertyIndex}", op);
                return new CqlTemporalIntersects(property, TemporalLiteral(args[literalIndex], $"{argsPath}/{literalIndex}", budget));
            }

            default:
                throw Error(path + "/op", $"operator '{op}' is not supported (and, or, not, =, <>, <, <=, >, >=, like, in, between, isNull, s_intersects, t_intersects)");
        }
    }

    private static CqlComparison Comparison(string op, JsonElement args, string argsPath, Budget budget)
    {
        Arity(args, 2, op, argsPath);
        var reversed = !IsProperty(args[0]) && IsProperty(args[1]);
        var (propertyIndex, literalIndex) = reversed ? (1, 0) : (0, 1);
        var property = Property(args[propertyIndex], $"{argsPath}/{propertyIndex}", op);
        var literal = Literal(args[literalIndex], $"{argsPath}/{literalIndex}", property, budget);
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

        if (text.Length is 0 or > SearchLimits.MaxPropertyLength || text.Contains('"', StringComparison.Ordinal) || text.Contains('\0', StringComparison.Ordinal) || text.Contains('\\', StringComparison.Ordinal))
        {
            throw Error(path, $"property name '{Shorten(text.Replace('\0', '?'))}' is empty, longer than {SearchLimits.MaxPropertyLength} characters, or contains '\"', '\\' or NUL");
        }

        return text;
    }

    private static CqlLiteral Literal(JsonElement element, string path, string property, Budget budget)
    {
        budget.Count(path);
        var literal = element.ValueKind switch
        {
            JsonValueKind.Number => element.TryGetDouble(out var number) && double.IsFinite(number)
                ? CqlLiteral.Number(number)
                : throw Error(path, $"{Shorten(element.GetRawText())} is not a finite number"),
            JsonValueKind.String => element.GetString()! is { Length: <= SearchLimits.MaxTextLiteralLength } text && !text.Contains('\0', StringComparison.Ordinal)
                ? CqlLiteral.Text(text)
                : throw Error(path, $"string literals are at most {SearchLimits.MaxTextLiteralLength} characters, without NUL"),
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
        element.ValueKind == JsonValueKind.String && Rfc3339.TryParse(element.GetString(), out var value)
            ? value
            : throw Error(path, $"{Shorten(element.GetRawText())} is not an RFC 3339 timestamp");

    private static DateTime Date(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.String &&
        DateOnly.TryParseExact(element.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? value.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)
            : throw Error(path, $"{Shorten(element.GetRawText())} is not a yyyy-MM-dd date");

    private static DatetimeInterval TemporalLiteral(JsonElement element, string path, Budget budget)
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
                : bound.ValueKind == JsonValueKind.String ? Instant(bound, $"{path}/interval/{index}")
                : throw Error($"{path}/interval/{index}", "an interval bound is a timestamp or date string, {\"timestamp\"}, {\"date\"} or '..'");

            var (start, end) = (Bound(interval[0], 0), Bound(interval[1], 1));
            if (start > end)
            {
                throw Error(path + "/interval", "the interval ends before it starts");
            }

            return new DatetimeInterval(start, end);
        }

        var instant = Literal(element, path, "datetime", budget);
        var value = (DateTime)instant.Value;
        return new DatetimeInterval(value, value);
    }

    private static GeoJsonGeometry GeometryLiteral(JsonElement element, string path, Budget budget)
    {
        budget.Count(path);
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("bbox", out var bbox))
        {
            var b = bbox.ValueKind == JsonValueKind.Array && bbox.GetArrayLength() == 4
                ? bbox.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var n) && double.IsFinite(n) ? n : double.NaN).ToArray()
                : [double.NaN];
            if (b.Length != 4 || b.Any(double.IsNaN) || b[0] > b[2] || b[1] > b[3] || b[1] < -90 || b[3] > 90)
            {
                throw Error(path + "/bbox", "a bbox literal is [west, south, east, north] of finite degrees, west <= east, -90 <= south <= north <= 90");
            }

            return GeoJsonGeometry.FromBoundingBox(new BoundingBox(b[0], b[1], b[2], b[3]));
        }

        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String ||
            string.IsNullOrWhiteSpace(type.GetString()) || !element.TryGetProperty("coordinates", out var coordinates))
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
            geometry.Envelope(SearchLimits.MaxGeometryPositions - budget.Positions);
            budget.Positions += Positions(geometry.Coordinates);
        }
        catch (FormatException ex)
        {
            throw Error(path + "/coordinates", ex.Message.TrimEnd('.') + $" (all geometries of a filter hold {SearchLimits.MaxGeometryPositions} positions at most)");
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

    private static string Shorten(string text) => text.Length <= 64 ? text : text[..64] + "…";

    private static int Positions(JsonElement coordinates)
    {
        if (coordinates.ValueKind != JsonValueKind.Array)
        {
            return 0;
        }

        if (coordinates.GetArrayLength() > 0 && coordinates[0].ValueKind != JsonValueKind.Array)
        {
            return 1;
        }

        var count = 0;
        foreach (var child in coordinates.EnumerateArray())
        {
            count += Positions(child);
        }

        return count;
    }

    /// <summary>What one filter may still spend: nodes and geometry positions (<see cref="SearchLimits"/>).</summary>
    private sealed class Budget
    {
        private int _nodes;

        public int Positions { get; set; }

        public void Count(string path)
        {
            if (++_nodes > SearchLimits.MaxFilterNodes)
            {
                throw Error(path, $"the filter has more than {SearchLimits.MaxFilterNodes} nodes (operators and literals); split the search");
            }
        }
    }
}
