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

    /// <summary>Checks the limits and shapes of the criteria.</summary>
    /// <exception cref="InvalidQueryException">A criterion is invalid; the exception names it.</exception>
    public void Validate()
    {
        if (Limit is < 1 or > MaxLimit)
        {
            throw new InvalidQueryException($"limit {Limit} is outside 1–{MaxLimit}.", "limit");
        }

        if (Bbox is { } box && (box.MinX > box.MaxX || box.MinY > box.MaxY || box.MinY < -90 || box.MaxY > 90 || double.IsNaN(box.MinX + box.MinY + box.MaxX + box.MaxY)))
        {
            throw new InvalidQueryException($"bbox [{box.MinX}, {box.MinY}, {box.MaxX}, {box.MaxY}] is not [west, south, east, north] with west <= east and south <= north.", "bbox");
        }

        if (Intersects is { } geometry)
        {
            try
            {
                geometry.Envelope();
            }
            catch (FormatException ex)
            {
                throw new InvalidQueryException($"intersects: {ex.Message}", "intersects", ex);
            }
        }

        foreach (var sort in SortBy ?? [])
        {
            if (string.IsNullOrWhiteSpace(sort.Name) || sort.Name.Contains('"', StringComparison.Ordinal) || sort.Name.Contains('\\', StringComparison.Ordinal))
            {
                throw new InvalidQueryException($"sortby field '{sort.Field}' is not a property name.", "sortby");
            }
        }
    }
}
