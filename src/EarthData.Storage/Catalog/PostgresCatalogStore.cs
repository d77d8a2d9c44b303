using System.Globalization;
using EarthData.Core.Catalog;
using EarthData.Core.Stac;
using Npgsql;
using NpgsqlTypes;

namespace EarthData.Storage.Catalog;

/// <summary>
/// The scale-out catalogue on PostgreSQL (no PostGIS needed). Items are jsonb with collection, id and datetime columns
/// (btree on collection, datetime, id) and a <c>box</c> bbox column with a GiST index. Batch upserts send column arrays
/// through <c>unnest</c> in one statement per 1,000 items, all in one transaction. Search: see
/// <see cref="CatalogQueryPlanner"/>. Thread-safe; dispose to close the connection pool.
/// </summary>
public sealed partial class PostgresCatalogStore : ICatalogStore, IAsyncDisposable, IDisposable
{
    private const int BatchSize = 1000;
    private readonly NpgsqlDataSource _dataSource;
    private readonly CatalogSearchEngine _search;

    /// <summary>Creates a store on an Npgsql connection string (use <c>Search Path</c> to pick a schema). Call <see cref="MigrateAsync"/> before use.</summary>
    public PostgresCatalogStore(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _dataSource = NpgsqlDataSource.Create(connectionString);
        _search = new CatalogSearchEngine(new PostgresCatalogDialect(), SearchFetchAsync, CountAsync) { ContentColumn = "i.content::text" };
    }

    /// <inheritdoc />
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // Concurrent starts serialise on a lock per schema.
        await ExecuteAsync(connection, "SELECT pg_advisory_xact_lock(hashtext(current_schema()));", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, "CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());", cancellationToken).ConfigureAwait(false);
        using var query = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM schema_version;", connection);
        var current = Convert.ToInt32(await query.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        for (var version = current + 1; version <= PostgresCatalogMigrations.All.Count; version++)
        {
            await ExecuteAsync(connection, PostgresCatalogMigrations.All[version - 1], cancellationToken).ConfigureAwait(false);
            using var record = new NpgsqlCommand("INSERT INTO schema_version (version) VALUES (@v);", connection);
            record.Parameters.AddWithValue("v", version);
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task UpsertCollectionAsync(StacCollection collection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(collection);
        using var command = _dataSource.CreateCommand(
            "INSERT INTO collections (id, content) VALUES (@id, @content) ON CONFLICT (id) DO UPDATE SET content = excluded.content;");
        command.Parameters.AddWithValue("id", collection.Id);
        command.Parameters.AddWithValue("content", NpgsqlDbType.Jsonb, StacJson.Serialize(collection));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<StacCollection?> GetCollectionAsync(string collectionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(collectionId);
        var sql = new SqlBuilder();
        var rows = await FetchAsync($"SELECT content::text FROM collections WHERE id = {sql.Param(collectionId)}", sql, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : StacJson.Deserialize<StacCollection>(rows[0]);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StacCollection>> ListCollectionsAsync(CancellationToken cancellationToken = default)
    {
        var rows = await FetchAsync("SELECT content::text FROM collections ORDER BY id", new SqlBuilder(), cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(StacJson.Deserialize<StacCollection>)];
    }

    /// <inheritdoc />
    public Task UpsertItemAsync(StacItem item, CancellationToken cancellationToken = default) => UpsertItemsAsync([item], cancellationToken);

    /// <inheritdoc />
    public async Task UpsertItemsAsync(IReadOnlyList<StacItem> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        // One statement may not touch a row twice: keep the last version of each (collection, id).
        var rows = items.Select(StoredItem.From).GroupBy(r => (r.Collection, r.Id)).Select(g => g.Last()).ToArray();
        using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        for (var start = 0; start < rows.Length; start += BatchSize)
        {
            var batch = rows.AsSpan(start, Math.Min(BatchSize, rows.Length - start)).ToArray();
            using var command = new NpgsqlCommand(
                "INSERT INTO items (collection, id, datetime, bbox, content) " +
                "SELECT c, i, d, box(point(x0, y0), point(x1, y1)), j::jsonb " +
                "FROM unnest(@c, @i, @d, @x0, @y0, @x1, @y1, @j) AS t(c, i, d, x0, y0, x1, y1, j) " +
                "ON CONFLICT (collection, id) DO UPDATE SET datetime = excluded.datetime, bbox = excluded.bbox, content = excluded.content;",
                connection);
            command.Parameters.AddWithValue("c", NpgsqlDbType.Array | NpgsqlDbType.Text, batch.Select(r => r.Collection).ToArray());
            command.Parameters.AddWithValue("i", NpgsqlDbType.Array | NpgsqlDbType.Text, batch.Select(r => r.Id).ToArray());
            command.Parameters.AddWithValue("d", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, batch.Select(r => PostgresCatalogDialect.Microseconds(r.Datetime)).ToArray());
            command.Parameters.AddWithValue("x0", NpgsqlDbType.Array | NpgsqlDbType.Double, batch.Select(r => r.Box.MinX).ToArray());
            command.Parameters.AddWithValue("y0", NpgsqlDbType.Array | NpgsqlDbType.Double, batch.Select(r => r.Box.MinY).ToArray());
            command.Parameters.AddWithValue("x1", NpgsqlDbType.Array | NpgsqlDbType.Double, batch.Select(r => r.Box.MaxX).ToArray());
            command.Parameters.AddWithValue("y1", NpgsqlDbType.Array | NpgsqlDbType.Double, batch.Select(r => r.Box.MaxY).ToArray());
            command.Parameters.AddWithValue("j", NpgsqlDbType.Array | NpgsqlDbType.Text, batch.Select(r => r.Json).ToArray());
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<StacItem?> GetItemAsync(string collectionId, string itemId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(collectionId);
        ArgumentNullException.ThrowIfNull(itemId);
        var sql = new SqlBuilder();
        var rows = await FetchAsync(
            $"SELECT content::text FROM items WHERE collection = {sql.Param(collectionId)} AND id = {sql.Param(itemId)}", sql, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : StacJson.Deserialize<StacItem>(rows[0]);
    }

    /// <inheritdoc />
    public async Task<bool> DeleteItemAsync(string collectionId, string itemId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(collectionId);
        ArgumentNullException.ThrowIfNull(itemId);
        using var command = _dataSource.CreateCommand("DELETE FROM items WHERE collection = @c AND id = @i;");
        command.Parameters.AddWithValue("c", collectionId);
        command.Parameters.AddWithValue("i", itemId);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <inheritdoc />
    public Task<ItemPage> SearchAsync(ItemSearch query, CancellationToken cancellationToken = default) => _search.SearchAsync(query, cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <inheritdoc />
    public void Dispose() => _dataSource.Dispose();

    private async Task<List<string>> FetchAsync(string sql, SqlBuilder parameters, CancellationToken cancellationToken)
    {
        using var command = Command(sql, parameters);
        var rows = new List<string>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    /// <summary>
    /// Runs a search query with sequential scans, parallel workers and JIT off, within <paramref name="limit"/> as the
    /// server's <c>statement_timeout</c> (see <see cref="CountAsync"/> for why not only the token). The planner estimates a
    /// property filter over jsonb at a row or two, so it would rather scan and sort the whole table than walk the index in
    /// the sort order and stop at the end of the page (at 100 000 items: 265 ms against 22 ms); the index walk's
    /// pessimistic cost then crosses the JIT thresholds, and compiling took 160 ms of a 170 ms query at 1 000 000 items
    /// (EXPLAIN ANALYZE; see tests/EarthData.CatalogBench).
    /// </summary>
    private async Task<List<string>> SearchFetchAsync(string sql, SqlBuilder parameters, TimeSpan limit, CancellationToken cancellationToken)
    {
        using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, "SET LOCAL enable_seqscan = off; SET LOCAL max_parallel_workers_per_gather = 0; SET LOCAL jit = off" + StatementTimeout(limit),
            cancellationToken).ConfigureAwait(false);
        try
        {
            using var command = Command(sql, parameters, connection);
            var rows = new List<string>();
            using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    rows.Add(reader.GetString(0));
                }
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return rows;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.QueryCanceled)
        {
            throw StatementStop.Of(ex, limit, cancellationToken);
        }
    }

    /// <summary>
    /// Runs a count within <paramref name="timeout"/> as the server's <c>statement_timeout</c> (JIT and parallel workers
    /// off, as for pages): a cancel request Npgsql
    /// sends for the token reaches a backend that has not started the statement yet in vain, and the count then runs to
    /// its end (seen with a 1 ms budget and a scan of hundreds of ms).
    /// </summary>
    private async Task<long> CountAsync(string sql, SqlBuilder parameters, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            using var command = Command(sql, parameters);
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }

        using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // JIT and parallel workers off, as for pages: PostgreSQL compiles a costly-looking plan before it runs it, and
        // starts workers for it, and neither the compile nor stopping the workers keeps to statement_timeout (20 ms counts
        // with a CQL2 filter took 108 ms p50, 134 ms p95 at 1 M items with them; 27 / 32 ms without).
        await ExecuteAsync(connection, "SET LOCAL jit = off; SET LOCAL max_parallel_workers_per_gather = 0" + StatementTimeout(timeout), cancellationToken).ConfigureAwait(false);
        try
        {
            using var command = Command(sql, parameters, connection);
            var counted = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return counted;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.QueryCanceled)
        {
            throw StatementStop.Of(ex, timeout, cancellationToken);
        }
    }

    /// <summary><c>; SET LOCAL statement_timeout = …</c> for a finite limit (whole milliseconds, at least 1), else nothing.</summary>
    private static string StatementTimeout(TimeSpan limit) =>
        limit == Timeout.InfiniteTimeSpan
            ? string.Empty
            : string.Create(CultureInfo.InvariantCulture, $"; SET LOCAL statement_timeout = {(long)Math.Clamp(Math.Ceiling(limit.TotalMilliseconds), 1, int.MaxValue)}");

    private NpgsqlCommand Command(string sql, SqlBuilder parameters, NpgsqlConnection? connection = null)
    {
#pragma warning disable CA2100 // SQL text is built from constants and placeholders only; values are parameters.
        var command = connection is null ? _dataSource.CreateCommand(sql) : new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        foreach (var (name, value) in parameters.Parameters)
        {
            var parameter = value switch
            {
                JsonbValue json => new NpgsqlParameter(name, NpgsqlDbType.Jsonb) { Value = json.Json },
                null => new NpgsqlParameter(name, DBNull.Value),
                _ => new NpgsqlParameter(name, value),
            };
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
#pragma warning disable CA2100 // Constant migration scripts.
        using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
