using System.Data.Common;
using EarthData.Core.Catalog;
using EarthData.Storage.Catalog;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace EarthData.Storage.Alerts;

/// <summary>
/// The catalogue database as the home of alert state, alert messages, webhook delivery claims, subscriptions, pending
/// evaluations and baseline records: the same SQLite file or PostgreSQL schema as the catalogue, whose migrations
/// (versions 4 to 6) create the tables — migrate
/// the catalogue store first. Holds the connection pool; thread-safe; dispose to close it.
/// </summary>
public sealed class AlertDatabase : IAsyncDisposable, IDisposable
{
    private readonly Func<CancellationToken, ValueTask<DbConnection>> _open;
    private readonly Func<DateTimeOffset, object> _instant;
    private readonly IDisposable? _pool;

    private AlertDatabase(Func<CancellationToken, ValueTask<DbConnection>> open, Func<DateTimeOffset, object> instant, IDisposable? pool)
    {
        (_open, _instant, _pool) = (open, instant, pool);
    }

    /// <summary>The catalogue's SQLite file at <paramref name="path"/> (WAL mode; the catalogue store sets it).</summary>
    public static AlertDatabase Sqlite(string path)
    {
        var connectionString = SqliteCatalogStore.ConnectionString(path);
        return new AlertDatabase(
            async cancellationToken =>
            {
                var connection = new SqliteConnection(connectionString);
                await OpenAsync(connection, cancellationToken).ConfigureAwait(false);
                return connection;
            },
            instant => PageToken.FormatDatetime(instant.UtcDateTime),
            null);
    }

    /// <summary>The catalogue's PostgreSQL schema on an Npgsql connection string (<c>Search Path</c> picks the schema).</summary>
    public static AlertDatabase Postgres(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var dataSource = NpgsqlDataSource.Create(connectionString);
        return new AlertDatabase(
            async cancellationToken => await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false),
            instant => PostgresCatalogDialect.Microseconds(instant.UtcDateTime),
            dataSource);
    }

    /// <summary>The parameter value of an instant in this database (fixed-width UTC text in SQLite, timestamptz in PostgreSQL).</summary>
    internal object Instant(DateTimeOffset instant) => _instant(instant);

    /// <summary>Runs the statements in one transaction; returns the rows each affected.</summary>
    internal async Task<int[]> ExecuteAsync(IReadOnlyList<(string Sql, SqlBuilder Parameters)> statements, CancellationToken cancellationToken)
    {
        var connection = await _open(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var affected = new int[statements.Count];
                for (var i = 0; i < statements.Count; i++)
                {
                    using var command = Command(connection, statements[i].Sql, statements[i].Parameters);
                    command.Transaction = transaction;
                    affected[i] = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return affected;
            }
        }
    }

    /// <summary>Runs one statement; returns the rows it affected.</summary>
    internal async Task<int> ExecuteAsync(string sql, SqlBuilder parameters, CancellationToken cancellationToken)
    {
        var connection = await _open(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = Command(connection, sql, parameters);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The rows of a query, each column as text or null.</summary>
    internal async Task<List<string?[]>> QueryAsync(string sql, SqlBuilder parameters, CancellationToken cancellationToken)
    {
        var connection = await _open(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = Command(connection, sql, parameters);
            var rows = new List<string?[]>();
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var row = new string?[reader.FieldCount];
                    for (var i = 0; i < row.Length; i++)
                    {
                        row[i] = reader.IsDBNull(i) ? null : reader.GetString(i);
                    }

                    rows.Add(row);
                }
            }

            return rows;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _pool?.Dispose();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_pool is IAsyncDisposable pool)
        {
            await pool.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task OpenAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static DbCommand Command(DbConnection connection, string sql, SqlBuilder parameters)
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // SQL text is built from constants and placeholders only; values are parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var (name, value) in parameters.Parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
