using System.Text.Json;
using EarthData.Core.Catalog;
using EarthData.Core.Stac;

namespace EarthData.Storage.Catalog;

/// <summary>
/// Runs a search over either store: keyset-ordered chunks from SQL, the in-memory residual applied per row, until a page
/// plus one item is found. The page token is the sort key of the page's last item (<see cref="PageToken"/>).
/// <c>count</c> runs a COUNT statement within a time limit (infinite: none) that the store enforces where the statement
/// runs, and also honours the token: a token cancelled before a statement starts can be lost on its way to the database.
/// </summary>
internal sealed class CatalogSearchEngine(
    CatalogSqlDialect dialect,
    Func<string, SqlBuilder, CancellationToken, Task<List<string>>> fetch,
    Func<string, SqlBuilder, TimeSpan, CancellationToken, Task<long>> count)
{
    private const int MinChunk = 256;

    public async Task<ItemPage> SearchAsync(ItemSearch search, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        search.Validate();
        var sort = search.EffectiveSort();
        JsonElement?[]? cursor = search.Token is { } token ? PageToken.Decode(token, sort) : null;

        var items = new List<StacItem>(search.Limit + 1);
        var exhausted = false;
        while (items.Count <= search.Limit && !exhausted)
        {
            var sql = new SqlBuilder();
            var (where, residual) = Plan(search, sql);
            var chunk = residual is null ? search.Limit + 1 - items.Count : Math.Max(MinChunk, (search.Limit + 1) * 4);
            var text = $"SELECT {ContentColumn} FROM items i WHERE ({where}){Keyset(sort, cursor, sql)} ORDER BY {OrderBy(sort, sql)} LIMIT {chunk}";
            var rows = await fetch(text, sql, cancellationToken).ConfigureAwait(false);
            exhausted = rows.Count < chunk;
            foreach (var row in rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var item = StacJson.Deserialize<StacItem>(row);
                cursor = PageToken.KeyOf(item, sort);
                if (residual is null || residual(item))
                {
                    items.Add(item);
                    if (items.Count > search.Limit)
                    {
                        break;
                    }
                }
            }
        }

        string? next = null;
        if (items.Count > search.Limit)
        {
            items.RemoveAt(items.Count - 1);
            next = PageToken.Encode(sort, PageToken.KeyOf(items[^1], sort));
        }

        var matched = search.CountMatched ? await CountAsync(search, cancellationToken).ConfigureAwait(false) : null;
        return new ItemPage(items, matched, next);
    }

    /// <summary>The column list to select: the item JSON as text.</summary>
    public string ContentColumn { get; init; } = "i.content";

    /// <summary>
    /// The number of matches when it is at most <see cref="ItemSearch.CountLimit"/> and found within
    /// <see cref="ItemSearch.CountTimeout"/>; null otherwise. Only that many rows (index entries, or candidate rows when
    /// geometry must be tested in memory) are ever visited.
    /// </summary>
    private async Task<long?> CountAsync(ItemSearch search, CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(search.CountTimeout);
        var bound = Math.Max(search.CountLimit, 0) + 1;
        var sql = new SqlBuilder();
        var (where, residual) = Plan(search, sql);
        try
        {
            if (residual is null)
            {
                var counted = await count($"SELECT COUNT(*) FROM (SELECT 1 FROM items i WHERE {where} LIMIT {bound}) AS bounded", sql, search.CountTimeout, budget.Token).ConfigureAwait(false);
                budget.Token.ThrowIfCancellationRequested(); // a count that ended past its limit is not "found within" it
                return counted < bound ? counted : null;
            }

            // The residual needs the rows: count candidates of the prefilter in memory, as many as the bound.
            var rows = await fetch($"SELECT {ContentColumn} FROM items i WHERE {where} LIMIT {bound}", sql, budget.Token).ConfigureAwait(false);
            if (rows.Count >= bound)
            {
                return null;
            }

            long matched = 0;
            foreach (var row in rows)
            {
                budget.Token.ThrowIfCancellationRequested();
                matched += residual(StacJson.Deserialize<StacItem>(row)) ? 1 : 0;
            }

            return matched;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null; // the count's own time budget ran out: numberMatched is unknown, the page stands
        }
    }

    private (string Where, Func<StacItem, bool>? Residual) Plan(ItemSearch search, SqlBuilder sql) =>
        CatalogQueryPlanner.Plan(search, dialect, sql);

    private string OrderBy(IReadOnlyList<SortField> sort, SqlBuilder sql) => string.Join(", ", sort.Select(s => dialect.OrderBy(sql, s.Name, s.Direction)));

    /// <summary><c>AND (k1 after c1 OR (k1 = c1 AND k2 after c2) …)</c>, or empty on the first chunk.</summary>
    private string Keyset(IReadOnlyList<SortField> sort, JsonElement?[]? cursor, SqlBuilder sql)
    {
        if (cursor is null)
        {
            return string.Empty;
        }

        var alternatives = new List<string>();
        for (var i = 0; i < sort.Count; i++)
        {
            var terms = new List<string>();
            for (var j = 0; j < i; j++)
            {
                terms.Add(dialect.KeyEquals(sql, sort[j].Name, cursor[j]));
            }

            terms.Add(dialect.KeyAfter(sql, sort[i].Name, sort[i].Direction, cursor[i]));
            alternatives.Add("(" + string.Join(" AND ", terms) + ")");
        }

        return " AND (" + string.Join(" OR ", alternatives) + ")";
    }
}
