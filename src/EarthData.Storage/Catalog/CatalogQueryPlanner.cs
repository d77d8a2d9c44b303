using EarthData.Core.Catalog;
using EarthData.Core.Stac;

namespace EarthData.Storage.Catalog;

/// <summary>
/// Splits a search into SQL and memory. SQL gets collections, ids, datetime, the bbox/intersects index prefilter and every
/// CQL2 node it can express exactly (comparisons, like, in, between, isNull over id/collection/datetime and JSON
/// properties of number, string or boolean type; t_intersects on datetime; and/or/not of those). s_intersects adds an index
/// prefilter; spatial criteria are always re-checked exactly with NetTopologySuite, and any node SQL cannot express exactly
/// (timestamp literals on properties other than datetime, NOT over a prefilter) makes the whole filter run in memory too.
/// </summary>
internal static class CatalogQueryPlanner
{
    /// <summary>The WHERE clause (without paging) and the in-memory residual, null when SQL is exact.</summary>
    public static (string Where, Func<StacItem, bool>? Residual) Plan(ItemSearch search, CatalogSqlDialect dialect, SqlBuilder sql)
    {
        var clauses = new List<string>();
        var residuals = new List<Func<StacItem, bool>>();
        if (search.Collections is { Count: > 0 } collections)
        {
            clauses.Add(dialect.InList(sql, CatalogSqlDialect.CollectionColumn, collections));
        }

        if (search.Ids is { Count: > 0 } ids)
        {
            clauses.Add(dialect.InList(sql, CatalogSqlDialect.IdColumn, ids));
        }

        if (search.Datetime is { } interval)
        {
            clauses.Add(DatetimeRange(interval, dialect, sql));
        }

        if (search.Bbox is { } box)
        {
            clauses.Add(dialect.BboxOverlaps(sql, box));
            var polygon = NtsGeometry.ToNts(GeoJsonGeometry.FromBoundingBox(box), "bbox"); // a point or line when degenerate
            residuals.Add(item => NtsGeometry.Intersects(item, polygon));
        }

        if (search.Intersects is { } geometry)
        {
            clauses.Add(dialect.BboxOverlaps(sql, geometry.Envelope()));
            var shape = NtsGeometry.ToNts(geometry, "intersects");
            residuals.Add(item => NtsGeometry.Intersects(item, shape));
        }

        if (search.Filter is { } filter)
        {
            // Each conjunct of a top-level and on its own, so that column terms stay where the index can use them.
            var (where, exact) = filter is CqlAnd top
                ? Conjunction([.. top.Args.Select(a => ReadingPropertiesOnce(a, dialect, sql))])
                : ReadingPropertiesOnce(filter, dialect, sql);
            if (where is not null)
            {
                clauses.Add(where);
            }

            if (!exact)
            {
                var shapes = new Dictionary<GeoJsonGeometry, NetTopologySuite.Geometries.Geometry>(ReferenceEqualityComparer.Instance);
                residuals.Add(item => CqlEvaluator.Matches(filter, item, (candidate, literal) =>
                {
                    if (!shapes.TryGetValue(literal, out var nts))
                    {
                        shapes[literal] = nts = NtsGeometry.ToNts(literal, "filter");
                    }

                    return NtsGeometry.Intersects(candidate, nts);
                }));
            }
        }

        var whereClause = clauses.Count == 0 ? "1 = 1" : string.Join(" AND ", clauses.Select(c => "(" + c + ")"));
        Func<StacItem, bool>? residual = residuals.Count == 0 ? null : item => residuals.TrueForAll(r => r(item));
        return (whereClause, residual);
    }

    /// <summary>SQL for a CQL2 node: null when it has no SQL form; exact = false when the SQL is only a superset.</summary>
    private static (string? Sql, bool Exact) Translate(CqlExpression expression, CatalogSqlDialect dialect, SqlBuilder sql)
    {
        switch (expression)
        {
            case CqlAnd and:
                return Conjunction([.. and.Args.Select(a => Translate(a, dialect, sql))]);

            case CqlOr or:
            {
                var parts = or.Args.Select(a => Translate(a, dialect, sql)).ToArray();
                return parts.Any(p => p.Sql is null)
                    ? (null, false)
                    : (string.Join(" OR ", parts.Select(p => "(" + p.Sql + ")")), parts.All(p => p.Exact));
            }

            case CqlNot not:
            {
                var (inner, exact) = Translate(not.Arg, dialect, sql);
                return inner is not null && exact ? ($"NOT ({inner})", true) : (null, false);
            }

            case CqlComparison c:
                return Exact(Compare(c.Property, c.Operator, c.Value, dialect, sql));
            case CqlLike like:
                return Exact(like.Property == "datetime" ? dialect.False : dialect.Like(sql, like.Property, like.Pattern));
            case CqlIn @in when dialect.InValues(sql, @in.Property, @in.Values) is { } membership:
                return (membership, true);
            case CqlIn @in:
            {
                var parts = @in.Values.Select(v => Compare(@in.Property, CqlOperator.Equal, v, dialect, sql)).ToArray();
                return parts.Any(p => p is null) ? (null, false) : (string.Join(" OR ", parts.Select(p => "(" + p + ")")), true);
            }

            case CqlBetween between:
            {
                var low = Compare(between.Property, CqlOperator.GreaterOrEqual, between.Low, dialect, sql);
                var high = Compare(between.Property, CqlOperator.LessOrEqual, between.High, dialect, sql);
                return low is null || high is null ? (null, false) : ($"({low}) AND ({high})", true);
            }

            case CqlIsNull isNull:
                return Exact(CatalogSqlDialect.IsColumn(isNull.Property) ? dialect.False : dialect.IsNull(sql, isNull.Property));
            case CqlSpatialIntersects spatial:
                return (dialect.BboxOverlaps(sql, spatial.Geometry.Envelope()), false);
            case CqlTemporalIntersects temporal when temporal.Property == "datetime":
                return Exact(DatetimeRange(temporal.Interval, dialect, sql));
            default:
                return (null, false);
        }
    }

    private static (string? Sql, bool Exact) Exact(string? sql) => (sql, sql is not null);

    /// <summary>The parts SQL can express, and together; exact when every part is.</summary>
    private static (string? Sql, bool Exact) Conjunction((string? Sql, bool Exact)[] parts)
    {
        var known = parts.Where(p => p.Sql is not null).Select(p => "(" + p.Sql + ")").ToArray();
        return (known.Length == 0 ? null : string.Join(" AND ", known), parts.All(p => p.Exact && p.Sql is not null));
    }

    /// <summary><see cref="Translate"/>, reading each JSON property once per row where the expression reads one more often.</summary>
    private static (string? Sql, bool Exact) ReadingPropertiesOnce(CqlExpression expression, CatalogSqlDialect dialect, SqlBuilder sql)
    {
        var reads = new Dictionary<string, int>(StringComparer.Ordinal);
        CountPropertyReads(expression, reads);
        return reads.Values.Any(n => n > 1)
            ? dialect.ReadPropertiesOnce(sql, () => Translate(expression, dialect, sql))
            : Translate(expression, dialect, sql);
    }

    private static void CountPropertyReads(CqlExpression expression, Dictionary<string, int> reads)
    {
        void Read(string property, int times = 1)
        {
            if (!CatalogSqlDialect.IsColumn(property))
            {
                reads[property] = reads.GetValueOrDefault(property) + times;
            }
        }

        switch (expression)
        {
            case CqlAnd and:
                foreach (var arg in and.Args)
                {
                    CountPropertyReads(arg, reads);
                }

                break;
            case CqlOr or:
                foreach (var arg in or.Args)
                {
                    CountPropertyReads(arg, reads);
                }

                break;
            case CqlNot not:
                CountPropertyReads(not.Arg, reads);
                break;
            case CqlComparison c:
                Read(c.Property);
                break;
            case CqlLike like:
                Read(like.Property);
                break;
            case CqlIn @in:
                Read(@in.Property); // one membership test per literal type (CatalogSqlDialect.InValues)
                break;
            case CqlBetween between:
                Read(between.Property, 2);
                break;
            case CqlIsNull isNull:
                Read(isNull.Property);
                break;
        }
    }

    private static string? Compare(string property, CqlOperator op, CqlLiteral literal, CatalogSqlDialect dialect, SqlBuilder sql)
    {
        var symbol = CatalogSqlDialect.Operator(op);
        return property switch
        {
            "datetime" when literal.Kind == CqlLiteralKind.Timestamp =>
                $"{CatalogSqlDialect.DatetimeColumn} {symbol} {sql.Param(dialect.DatetimeValue((DateTime)literal.Value))}",
            "id" or "collection" when literal.Kind == CqlLiteralKind.Text =>
                $"{CatalogSqlDialect.Column(property)} {symbol} {sql.Param(literal.Value)}",
            "id" or "collection" or "datetime" => dialect.False,
            _ => dialect.Compare(sql, property, symbol, literal),
        };
    }

    private static string DatetimeRange(DatetimeInterval interval, CatalogSqlDialect dialect, SqlBuilder sql)
    {
        var parts = new List<string>();
        if (interval.Start is { } start)
        {
            parts.Add($"{CatalogSqlDialect.DatetimeColumn} >= {sql.Param(dialect.DatetimeValue(start))}");
        }

        if (interval.End is { } end)
        {
            parts.Add($"{CatalogSqlDialect.DatetimeColumn} <= {sql.Param(dialect.DatetimeValue(end))}");
        }

        return parts.Count == 0 ? "1 = 1" : string.Join(" AND ", parts);
    }
}
