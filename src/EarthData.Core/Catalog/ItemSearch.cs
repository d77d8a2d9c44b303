using EarthData.Core.Geometry;
using EarthData.Core.Stac;

namespace EarthData.Core.Catalog;

/// <summary>
/// A STAC API item search. Every criterion is optional; given criteria are combined with AND.
/// Spatial criteria match items whose geometry intersects (touching counts); datetime criteria match the item's <c>datetime</c>.
/// </summary>
public sealed record ItemSearch
{
    /// <summary>Default page size.</summary>
    public const int DefaultLimit = 10;

    /// <summary>Largest page size.</summary>
    public const int MaxLimit = 10_000;

    /// <summary>Collections to search; null or empty for all.</summary>
    public IReadOnlyList<string>? Collections { get; init; }

    /// <summary>Item ids to return; null or empty for any.</summary>
    public IReadOnlyList<string>? Ids { get; init; }

    /// <summary>Box in degrees (antimeridian-crossing boxes are not supported).</summary>
    public BoundingBox? Bbox { get; init; }

    /// <summary>A GeoJSON geometry the item geometry must intersect (exact test).</summary>
    public GeoJsonGeometry? Intersects { get; init; }

    /// <summary>Datetime instant or interval.</summary>
    public DatetimeInterval? Datetime { get; init; }

    /// <summary>Page size, 1–10 000.</summary>
    public int Limit { get; init; } = DefaultLimit;

    /// <summary>Sort order; default <c>datetime</c> descending. Ties are broken by collection and id (ascending).</summary>
    public IReadOnlyList<SortField>? SortBy { get; init; }

    /// <summary>CQL2 filter (parsed with <see cref="Cql2JsonParser"/>).</summary>
    public CqlExpression? Filter { get; init; }

    /// <summary>The <see cref="ItemPage.NextToken"/> of the previous page of the same search.</summary>
    public string? Token { get; init; }

    /// <summary>
    /// Whether to count every match for <see cref="ItemPage.NumberMatched"/> (default). Counting visits every matching row,
    /// and for property filters every row of the table, so large catalogues may skip it (the count is then null).
    /// </summary>
    public bool CountMatched { get; init; } = true;

    /// <summary>
    /// Default of <see cref="CountLimit"/>: counting 10 000 index entries costs a few milliseconds, while an archive-wide
    /// count of a property filter visits every row (seconds at a million items).
    /// </summary>
    public const int DefaultCountLimit = 10_000;

    /// <summary>
    /// With <see cref="CountMatched"/>: count exactly up to this many matches; when more match,
    /// <see cref="ItemPage.NumberMatched"/> is null (unknown) instead of visiting every one.
    /// </summary>
    public int CountLimit { get; init; } = DefaultCountLimit;

    /// <summary>
    /// With <see cref="CountMatched"/>: the longest the count may take; when it takes longer it is abandoned (cancelled in
    /// the database) and <see cref="ItemPage.NumberMatched"/> is null. <see cref="Timeout.InfiniteTimeSpan"/> for none.
    /// </summary>
    public TimeSpan CountTimeout { get; init; } = Timeout.InfiniteTimeSpan;

    /// <summary>
    /// The longest the whole search (its page queries and its count) may take, from the store's start; the store stops
    /// the statement running inside the database when it runs out (SQLite: a progress handler checks the clock; PostgreSQL:
    /// <c>statement_timeout</c>) and throws <see cref="SearchTimeoutException"/>. <see cref="Timeout.InfiniteTimeSpan"/>
    /// (the default) for none.
    /// </summary>
    public TimeSpan TimeBudget { get; init; } = Timeout.InfiniteTimeSpan;

    /// <summary>The default sort order.</summary>
    public static IReadOnlyList<SortField> DefaultSort { get; } = [new SortField("datetime", SortDirection.Descending)];

    /// <summary>
    /// The sort order actually applied: <see cref="SortBy"/> (or <see cref="DefaultSort"/>) followed by <c>collection</c> and
    /// <c>id</c> ascending where absent, so every item has a unique sort key.
    /// </summary>
    public IReadOnlyList<SortField> EffectiveSort()
    {
        var sort = new List<SortField>((SortBy is { Count: > 0 } given ? given : DefaultSort).Select(s => s with { Field = s.Name }));
        foreach (var tie in new[] { "collection", "id" })
        {
            if (!sort.Exists(s => s.Field == tie))
            {
                sort.Add(new SortField(tie));
            }
        }

        return sort;
    }

    /// <summary>Checks the limits (<see cref="SearchLimits"/>) and shapes of the criteria.</summary>
    /// <exception cref="InvalidQueryException">A criterion is invalid; the exception names it.</exception>
    public void Validate()
    {
        if (Limit is < 1 or > MaxLimit)
        {
            throw new InvalidQueryException($"limit {Limit} is outside 1–{MaxLimit}.", "limit");
        }

        if (TimeBudget <= TimeSpan.Zero && TimeBudget != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(TimeBudget), TimeBudget, "A search's time budget is positive or infinite.");
        }

        CheckIds(Ids, "ids", SearchLimits.MaxIds);
        CheckIds(Collections, "collections", SearchLimits.MaxCollections);
        if (Bbox is { } box && (box.MinX > box.MaxX || box.MinY > box.MaxY || box.MinY < -90 || box.MaxY > 90
                                || !double.IsFinite(box.MinX) || !double.IsFinite(box.MinY) || !double.IsFinite(box.MaxX) || !double.IsFinite(box.MaxY)))
        {
            throw new InvalidQueryException($"bbox [{box.MinX}, {box.MinY}, {box.MaxX}, {box.MaxY}] is not [west, south, east, north] of finite degrees with west <= east and -90 <= south <= north <= 90.", "bbox");
        }

        if (Intersects is { } geometry)
        {
            if (geometry.Type is not ("Point" or "MultiPoint" or "LineString" or "MultiLineString" or "Polygon" or "MultiPolygon"))
            {
                throw new InvalidQueryException($"intersects: geometry type '{geometry.Type}' is not supported (Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon).", "intersects");
            }

            try
            {
                geometry.Envelope(SearchLimits.MaxGeometryPositions);
            }
            catch (FormatException ex)
            {
                throw new InvalidQueryException($"intersects: {ex.Message}", "intersects", ex);
            }
        }

        if (SortBy is { Count: > SearchLimits.MaxSortFields } sortBy)
        {
            throw new InvalidQueryException($"sortby has {sortBy.Count} fields; at most {SearchLimits.MaxSortFields} are allowed.", "sortby");
        }

        foreach (var sort in SortBy ?? [])
        {
            if (string.IsNullOrWhiteSpace(sort.Name) || sort.Name.Length > SearchLimits.MaxPropertyLength || sort.Name.Contains('\0', StringComparison.Ordinal)
                || sort.Name.Contains('"', StringComparison.Ordinal) || sort.Name.Contains('\\', StringComparison.Ordinal))
            {
                throw new InvalidQueryException($"sortby field '{Shorten(sort.Field)}' is not a property name of at most {SearchLimits.MaxPropertyLength} characters without '\"' or '\\'.", "sortby");
            }
        }

        if (Token is { Length: > SearchLimits.MaxTokenLength })
        {
            throw new InvalidQueryException("token is not a token issued by this catalogue.", "token");
        }
    }

    private static void CheckIds(IReadOnlyList<string>? values, string parameter, int max)
    {
        if (values is null)
        {
            return;
        }

        if (values.Count > max)
        {
            throw new InvalidQueryException($"{parameter} has {values.Count} entries; at most {max} are allowed.", parameter);
        }

        foreach (var value in values)
        {
            if (value.Length > SearchLimits.MaxIdLength)
            {
                throw new InvalidQueryException($"{parameter} entry '{Shorten(value)}' is longer than {SearchLimits.MaxIdLength} characters.", parameter);
            }

            if (value.Contains('\0', StringComparison.Ordinal))
            {
                throw new InvalidQueryException($"{parameter} entry '{Shorten(value.Replace('\0', '?'))}' contains a NUL character.", parameter);
            }
        }
    }

    private static string Shorten(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
