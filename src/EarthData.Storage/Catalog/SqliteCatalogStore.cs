using System.Globalization;
using EarthData.Core.Catalog;
using EarthData.Core.Stac;
using Microsoft.Data.Sqlite;

namespace EarthData.Storage.Catalog;

/// <summary>
/// The embedded catalogue: one SQLite file in WAL mode. Items are stored as JSON text with their collection, id and
/// datetime in columns and their box in an R*Tree. Search: see <see cref="CatalogQueryPlanner"/> for what runs in SQL
/// (<c>json_extract</c>) and what in memory. Thread-safe (a pooled connection per call).
/// </summary>
public sealed partial class SqliteCatalogStore : ICatalogStore
{
    private readonly string _connectionString;
    private readonly CatalogSearchEngine _search;

    /// <summary>Opens (creating if needed) the catalogue file. Call <see cref="MigrateAsync"/> before use.</summary>
    /// <param name="path">Path of the database file.</param>
    public SqliteCatalogStore(string path)
    {
        _connectionString = ConnectionString(path);
        _search = new CatalogSearchEngine(new SqliteCatalogDialect(), FetchAsync, CountAsync);
    }

    /// <summary>The connection string every user of the catalogue file opens it with (pooled, private cache, 30 s busy timeout).</summary>
    internal static string ConnectionString(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <inheritdoc />
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL;", cancellationToken).ConfigureAwait(false);
        // A non-deferred (IMMEDIATE) transaction takes the write lock first, so concurrent migrations run one after the other.
        using var transaction = connection.BeginTransaction(deferred: false);
        await ExecuteAsync(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL);", cancellationToken).ConfigureAwait(false);
        using var query = Command(connection, transaction, "SELECT COALESCE(MAX(version), 0) FROM schema_version;");
        var current = Convert.ToInt32(await query.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        for (var version = current + 1; version <= SqliteCatalogMigrations.All.Count; version++)
        {
            await ExecuteAsync(connection, transaction, SqliteCatalogMigrations.All[version - 1], cancellationToken).ConfigureAwait(false);
            using var record = Command(connection, transaction, "INSERT INTO schema_version (version, applied_at) VALUES (@v, @t);");
            record.Parameters.AddWithValue("@v", version);
            record.Parameters.AddWithValue("@t", PageToken.FormatDatetime(DateTime.UtcNow));
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        transaction.Commit();
    }

    /// <inheritdoc />
    public async Task UpsertCollectionAsync(StacCollection collection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(collection);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = Command(connection, null,
            "INSERT INTO collections (id, content) VALUES (@id, @content) ON CONFLICT (id) DO UPDATE SET content = excluded.content;");
        command.Parameters.AddWithValue("@id", collection.Id);
        command.Parameters.AddWithValue("@content", StacJson.Serialize(collection));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<StacCollection?> GetCollectionAsync(string collectionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(collectionId);
        var rows = await QueryTextAsync("SELECT content FROM collections WHERE id = @id;", [new("@id", collectionId)], cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : StacJson.Deserialize<StacCollection>(rows[0]);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StacCollection>> ListCollectionsAsync(CancellationToken cancellationToken = default)
    {
        var rows = await QueryTextAsync("SELECT content FROM collections ORDER BY id;", [], cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(StacJson.Deserialize<StacCollection>)];
    }

    /// <inheritdoc />
    public Task UpsertItemAsync(StacItem item, CancellationToken cancellationToken = default) => UpsertItemsAsync([item], cancellationToken);

    /// <inheritdoc />
    public async Task UpsertItemsAsync(IReadOnlyList<StacItem> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        var rows = items.Select(StoredItem.From).ToArray();
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction(deferred: false);
        using var upsert = Command(connection, transaction,
            "INSERT INTO items (collection, id, datetime, content) VALUES (@c, @i, @d, @j) " +
            "ON CONFLICT (collection, id) DO UPDATE SET datetime = excluded.datetime, content = excluded.content RETURNING pk;");
        var c = upsert.Parameters.Add("@c", SqliteType.Text);
        var i = upsert.Parameters.Add("@i", SqliteType.Text);
        var d = upsert.Parameters.Add("@d", SqliteType.Text);
        var j = upsert.Parameters.Add("@j", SqliteType.Text);
        using var index = Command(connection, transaction,
            "INSERT OR REPLACE INTO items_rtree (id, minx, maxx, miny, maxy) VALUES (@pk, @x0, @x1, @y0, @y1);");
        var pk = index.Parameters.Add("@pk", SqliteType.Integer);
        var x0 = index.Parameters.Add("@x0", SqliteType.Real);
        var x1 = index.Parameters.Add("@x1", SqliteType.Real);
        var y0 = index.Parameters.Add("@y0", SqliteType.Real);
        var y1 = index.Parameters.Add("@y1", SqliteType.Real);
        foreach (var row in rows)
        {
            c.Value = row.Collection;
            i.Value = row.Id;
            d.Value = PageToken.FormatDatetime(row.Datetime);
            j.Value = row.Json;
            pk.Value = await upsert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            x0.Value = row.Box.MinX;
            x1.Value = row.Box.MaxX;
            y0.Value = row.Box.MinY;
            y1.Value = row.Box.MaxY;
            await index.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        transaction.Commit();
    }

    /// <inheritdoc />
    public async Task<StacItem?> GetItemAsync(string collectionId, string itemId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(collectionId);
        ArgumentNullException.ThrowIfNull(itemId);
        var rows = await QueryTextAsync(
            "SELECT content FROM items WHERE collection = @c AND id = @i;", [new("@c", collectionId), new("@i", itemId)], cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : StacJson.Deserialize<StacItem>(rows[0]);
    }

    /// <inheritdoc />
    public async Task<bool> DeleteItemAsync(string collectionId, string itemId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(collectionId);
        ArgumentNullException.ThrowIfNull(itemId);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction(deferred: false);
        using var delete = Command(connection, transaction, "DELETE FROM items WHERE collection = @c AND id = @i RETURNING pk;");
        delete.Parameters.AddWithValue("@c", collectionId);
        delete.Parameters.AddWithValue("@i", itemId);
        var pk = await delete.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        if (pk is not null)
        {
            using var index = Command(connection, transaction, "DELETE FROM items_rtree WHERE id = @pk;");
            index.Parameters.AddWithValue("@pk", pk);
            await index.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        transaction.Commit();
        return pk is not null;
    }

    /// <inheritdoc />
    public Task<ItemPage> SearchAsync(ItemSearch query, CancellationToken cancellationToken = default) => _search.SearchAsync(query, cancellationToken);

    // A search statement's time limit reaches SQLite as a deadline the progress handler checks inside the statement.
    private async Task<List<string>> FetchAsync(string sql, SqlBuilder parameters, TimeSpan limit, CancellationToken cancellationToken) =>
        await QueryTextAsync(sql, parameters.Parameters, cancellationToken, limit).ConfigureAwait(false);

    // The time limit reaches SQLite as a deadline the progress handler checks inside the statement (the token: the caller's).
    private async Task<long> CountAsync(string sql, SqlBuilder parameters, TimeSpan limit, CancellationToken cancellationToken)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = Command(connection, null, sql);
        Bind(command, parameters.Parameters);
        using var cancellation = SqliteCancellation.Watch(connection, limit, cancellationToken);
        try
        {
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SQLitePCL.raw.SQLITE_INTERRUPT)
        {
            throw StatementStop.Of(ex, limit, cancellationToken);
        }
    }

    private async Task<List<string>> QueryTextAsync(string sql, IReadOnlyList<KeyValuePair<string, object?>> parameters, CancellationToken cancellationToken,
        TimeSpan? limit = null)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = Command(connection, null, sql);
        Bind(command, parameters);
        var rows = new List<string>();
        var timeLimit = limit ?? Timeout.InfiniteTimeSpan;
        using var cancellation = SqliteCancellation.Watch(connection, timeLimit, cancellationToken);
        try
        {
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(reader.GetString(0));
            }
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SQLitePCL.raw.SQLITE_INTERRUPT)
        {
            throw StatementStop.Of(ex, timeLimit, cancellationToken);
        }

        return rows;
    }

    private static void Bind(SqliteCommand command, IReadOnlyList<KeyValuePair<string, object?>> parameters)
    {
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
#pragma warning disable CA2100 // SQL text is built from constants and placeholders only; values are parameters.
        var command = new SqliteCommand(sql, connection, transaction);
#pragma warning restore CA2100
        return command;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        using var command = Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
