using System.Diagnostics;
using System.Globalization;
using EarthData.Core.Catalog;
using EarthData.Core.Geometry;
using EarthData.Core.Stac;
using EarthData.Storage.Catalog;
using Npgsql;

namespace EarthData.CatalogBench;

/// <summary>
/// Loads synthetic items into one catalogue store and times <see cref="ICatalogStore.SearchAsync"/> (what <c>/stac/search</c>
/// calls, without HTTP and JSON output) for two kinds of query: bbox + datetime + limit 10, and a CQL2-JSON filter + limit 10;
/// each without counting every match, then (fewer) with <c>numberMatched</c> counted.
/// </summary>
internal static class CatalogBenchmark
{
    private const string Schema = "catalogbench";

    public static async Task<int> RunAsync(BenchOptions options, TextWriter output)
    {
        var store = await OpenAsync(options);
        try
        {
            await output.WriteLineAsync($"store={options.Store} items={options.Items:N0} queries={options.Queries} cores={Environment.ProcessorCount}");
            await store.MigrateAsync(); // with --reuse: brings an older schema up to date (new indexes)
            if (!options.Reuse)
            {
                var rate = await InsertAsync(store, options, output);
                await output.WriteLineAsync(FormattableString.Invariant($"insert: {options.Items:N0} items, {rate:N0} items/s"));
            }

            var random = new Random(42);
            var bboxDatetime = await TimeAsync(store, options.Queries, () => BboxDatetimeQuery(random));
            await output.WriteLineAsync($"bbox+datetime+limit=10, no count:    {bboxDatetime}");
            var filter = await TimeAsync(store, options.Queries, () => FilterQuery(random));
            await output.WriteLineAsync($"cql2 filter+limit=10, no count:      {filter}");
            var countedBbox = await TimeAsync(store, options.CountQueries, () => BboxDatetimeQuery(random) with { CountMatched = true });
            await output.WriteLineAsync($"bbox+datetime+limit=10, numberMatched: {countedBbox}");
            var countedFilter = await TimeAsync(store, options.CountQueries, () => FilterQuery(random) with { CountMatched = true });
            await output.WriteLineAsync($"cql2 filter+limit=10, numberMatched:   {countedFilter}");
            var serverBbox = await TimeAsync(store, options.Queries, () => BboxDatetimeQuery(random) with { CountMatched = true, CountTimeout = ServerCountTimeout });
            await output.WriteLineAsync($"bbox+datetime+limit=10, server default count: {serverBbox}");
            var serverFilter = await TimeAsync(store, options.Queries, () => FilterQuery(random) with { CountMatched = true, CountTimeout = ServerCountTimeout });
            await output.WriteLineAsync($"cql2 filter+limit=10, server default count:   {serverFilter}");
            return 0;
        }
        finally
        {
            (store as IDisposable)?.Dispose();
        }
    }

    private static async Task<ICatalogStore> OpenAsync(BenchOptions options)
    {
        if (options.Store == "sqlite")
        {
            if (!options.Reuse)
            {
                foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
                {
                    File.Delete(options.SqlitePath + suffix);
                }
            }

            return new SqliteCatalogStore(options.SqlitePath);
        }

        if (!options.Reuse)
        {
            await using var connection = new NpgsqlConnection(options.Postgres);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {Schema} CASCADE; CREATE SCHEMA {Schema}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new PostgresCatalogStore(new NpgsqlConnectionStringBuilder(options.Postgres) { SearchPath = Schema }.ConnectionString);
    }

    private static async Task<double> InsertAsync(ICatalogStore store, BenchOptions options, TextWriter output)
    {
        var clock = Stopwatch.StartNew();
        var batch = new List<StacItem>(options.Batch);
        for (long k = 0; k < options.Items; k++)
        {
            batch.Add(SyntheticItems.Create(k));
            if (batch.Count == options.Batch || k == options.Items - 1)
            {
                await store.UpsertItemsAsync(batch);
                batch.Clear();
                if ((k + 1) % 100_000 == 0)
                {
                    await output.WriteLineAsync(FormattableString.Invariant($"  {k + 1:N0} items, {(k + 1) / clock.Elapsed.TotalSeconds:N0} items/s"));
                }
            }
        }

        return options.Items / clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// The server's default count budget (<c>EarthData:Stac:CountTimeoutMs</c> = 20, with <c>CountLimit</c> = 10,000, the
    /// <see cref="ItemSearch"/> default): what <c>/stac/search</c> does when nobody configured anything.
    /// </summary>
    private static readonly TimeSpan ServerCountTimeout = TimeSpan.FromMilliseconds(20);

    private static async Task<LatencyStats> TimeAsync(ICatalogStore store, int count, Func<ItemSearch> query)
    {
        for (var i = 0; i < Math.Min(10, count); i++)
        {
            await store.SearchAsync(query()); // warm-up: connections, page cache, JIT
        }

        var latencies = new List<double>(count);
        long returned = 0;
        var counted = 0;
        for (var i = 0; i < count; i++)
        {
            var search = query();
            var started = Stopwatch.GetTimestamp();
            var page = await store.SearchAsync(search);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            returned += page.Items.Count;
            counted += page.NumberMatched is null ? 0 : 1;
        }

        return LatencyStats.Of(latencies, (double)returned / count, (double)counted / count);
    }

    /// <summary>A 2° × 2° box somewhere over the grid and a one-year interval somewhere in the ten years.</summary>
    private static ItemSearch BboxDatetimeQuery(Random random)
    {
        var west = SyntheticItems.West + random.NextDouble() * (SyntheticItems.East - SyntheticItems.West - 2);
        var south = SyntheticItems.South + random.NextDouble() * (SyntheticItems.North - SyntheticItems.South - 2);
        var start = SyntheticItems.Start.AddDays(random.Next(0, 9 * 365));
        return new ItemSearch
        {
            Bbox = new BoundingBox(west, south, west + 2, south + 2),
            Datetime = new DatetimeInterval(start, start.AddYears(1)),
            Limit = 10,
            CountMatched = false,
        };
    }

    /// <summary><c>view:sun_elevation ≥ x AND cbers:path = p</c>.</summary>
    private static ItemSearch FilterQuery(Random random)
    {
        var elevation = Math.Round(20 + random.NextDouble() * 45, 1).ToString(CultureInfo.InvariantCulture);
        var path = SyntheticItems.FirstPath + random.Next(SyntheticItems.Columns);
        var filter = $$"""
            {"op": "and", "args": [
              {"op": ">=", "args": [{"property": "view:sun_elevation"}, {{elevation}}]},
              {"op": "=", "args": [{"property": "cbers:path"}, {{path}}]}]}
            """;
        return new ItemSearch { Filter = Cql2JsonParser.Parse(filter), Limit = 10, CountMatched = false };
    }
}
