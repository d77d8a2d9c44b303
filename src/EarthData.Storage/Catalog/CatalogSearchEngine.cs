using System.Diagnostics;
using System.Text.Json;
using EarthData.Core.Catalog;
using EarthData.Core.Stac;

namespace EarthData.Storage.Catalog;

/// <summary>
/// Runs a search over either store: keyset-ordered chunks from SQL, the in-memory residual applied per row, until a page
/// plus one item is found. The page token is the sort key of the page's last item (<see cref="PageToken"/>).
/// <c>count</c> runs a COUNT statement within a time limit (infinite: none) that the store enforces where the statement
/// runs, and also honours the token: a token cancelled before a statement starts can be lost on its way to the database.
/// The search's own budget (<see cref="ItemSearch.TimeBudget"/>) reaches every statement the same way, as the time left
/// of it; a statement the store stops at its limit comes back as a <see cref="TimeoutException"/>, which ends the search
/// with a <see cref="SearchTimeoutException"/> (or, when the count's own shorter limit stopped the count, leaves
/// <c>numberMatched</c> unknown).
/// </summary>
internal sealed class CatalogSearchEngine(
    CatalogSqlDialect dialect,
    Func<string, SqlBuilder, TimeSpan, CancellationToken, Task<List<string>>> fetch,
    Func<string, SqlBuilder, TimeSpan, CancellationToken, Task<long>> count)
{
    private const int MinChunk = 256;

    public async Task<ItemPage> SearchAsync(ItemSearch search, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        search.Validate();
        var budget = new Budget(search.TimeBudget);
        var sort = search.EffectiveSort();
        JsonElement?[]? cursor = search.Token is { } token ? PageToken.Decode(token, sort) : null;

        // The count runs beside the page (its own connection; a thread of its own, as SQLite's calls are synchronous), so a
        // counted search takes about the longer of the two rather than their sum.
        var counting = search.CountMatched ? Task.Run(() => CountAsync(search, budget, cancellationToken), CancellationToken.None) : null;
        try
        {
            return await PageAsync(search, budget, sort, cursor, counting, cancellationToken).ConfigureAwait(false);
        }
        catch when (counting is not null && !counting.IsCompleted)
        {
            await counting.ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false); // no count outlives its search
            throw;
        }
    }

    private async Task<ItemPage> PageAsync(ItemSearch search, Budget budget, IReadOnlyList<SortField> sort, JsonElement?[]? cursor, Task<long?>? counting,
        CancellationToken cancellationToken)
    {
        var items = new List<StacItem>(search.Limit + 1);
        var exhausted = false;
        while (items.Count <= search.Limit && !exhausted)
        {
            var sql = new SqlBuilder();
            var (where, residual) = Plan(search, sql);
            var chunk = residual is null ? search.Limit + 1 - items.Count : Math.Max(MinChunk, (search.Limit + 1) * 4);
            var text = $"SELECT {ContentColumn} FROM items i WHERE ({where}){Keyset(sort, cursor, sql)} ORDER BY {OrderBy(sort, sql)} LIMIT {chunk}";
            List<string> rows;
            try
            {
                rows = await fetch(text, sql, budget.Left(), cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException ex)
            {
                throw new SearchTimeoutException(search.TimeBudget, ex);
            }

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

        var matched = counting is null ? null : await counting.ConfigureAwait(false);
        return new ItemPage(items, matched, next);
    }

    /// <summary>The column list to select: the item JSON as text.</summary>
    public string ContentColumn { get; init; } = "i.content";

    /// <summary>
    /// The number of matches when it is at most <see cref="ItemSearch.CountLimit"/> and found within
    /// <see cref="ItemSearch.CountTimeout"/>; null otherwise. Only that many rows (index entries, or candidate rows when
    /// geometry must be tested in memory) are ever visited. The count also stops where the search's budget ends, and
    /// that ends the search.
    /// </summary>
    private async Task<long?> CountAsync(ItemSearch search, Budget searchBudget, CancellationToken cancellationToken)
    {
        var left = searchBudget.Left();
        var ownLimit = search.CountTimeout != Timeout.InfiniteTimeSpan && (left == Timeout.InfiniteTimeSpan || search.CountTimeout < left);
        var limit = ownLimit ? search.CountTimeout : left;
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(search.CountTimeout);
        var bound = Math.Max(search.CountLimit, 0) + 1;
        var sql = new SqlBuilder();
        var (where, residual) = Plan(search, sql);
        try
        {
            if (residual is null)
            {
                // The store stops the statement at the limit itself (SQLite: progress handler; PostgreSQL: statement_timeout);
                // cancelling the token at the limit too made Npgsql send a cancel request that raced the server's own
                // timeout and broke the pooled connection (a new one per search: 65 ms p50 at 1 M items, 130 ms p95).
                var counted = await count($"SELECT COUNT(*) FROM (SELECT 1 FROM items i WHERE {where} LIMIT {bound}) AS bounded", sql, limit, cancellationToken).ConfigureAwait(false);
                budget.Token.ThrowIfCancellationRequested(); // a count that ended past its limit is not "found within" it
                return counted < bound ? counted : null;
            }

            // The residual needs the rows: count candidates of the prefilter in memory, as many as the bound.
            var rows = await fetch($"SELECT {ContentColumn} FROM items i WHERE {where} LIMIT {bound}", sql, limit, cancellationToken).ConfigureAwait(false);
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
        catch (TimeoutException ex) when (!ownLimit)
        {
            throw new SearchTimeoutException(search.TimeBudget, ex);
        }
        catch (Exception ex) when (ex is TimeoutException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
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

    /// <summary>The search's time budget on the clock, from the store's start.</summary>
    private readonly struct Budget
    {
        private readonly TimeSpan _budget;
        private readonly long _deadline;

        public Budget(TimeSpan budget)
        {
            _budget = budget;
            _deadline = budget == Timeout.InfiniteTimeSpan ? long.MaxValue : Stopwatch.GetTimestamp() + (long)(budget.TotalSeconds * Stopwatch.Frequency);
        }

        /// <summary>The time left (infinite without a budget); throws when none is left, before a statement starts.</summary>
        public TimeSpan Left()
        {
            if (_deadline == long.MaxValue)
            {
                return Timeout.InfiniteTimeSpan;
            }

            var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), _deadline);
            return left > TimeSpan.Zero ? left : throw new SearchTimeoutException(_budget);
        }
    }
}
