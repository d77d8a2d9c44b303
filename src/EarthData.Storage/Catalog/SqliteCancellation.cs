using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace EarthData.Storage.Catalog;

/// <summary>
/// Stops the statement running on a connection when a token is cancelled, wherever it is: Microsoft.Data.Sqlite runs a
/// statement synchronously and only looks at the token between rows, so a long step (a COUNT, a scan that finds nothing)
/// would run on after the client has gone or a budget has ended.
/// <para>
/// <c>sqlite3_interrupt</c> alone is not enough: SQLite clears the interrupt flag when a statement starts on a connection
/// with none running, so a cancellation that lands while the command is still being prepared and bound (inside
/// <c>ExecuteReader</c>, after its token check: 10–60 ms for a 500-node filter on a loaded machine, longer than the 20 ms
/// count budget) is lost and the statement runs to its end. A progress handler therefore also checks the token every
/// <see cref="Instructions"/> virtual-machine instructions, which no timing can slip past.
/// </para>
/// Dispose before the connection goes back to the pool (the handler belongs to the connection).
/// </summary>
internal sealed class SqliteCancellation : IDisposable
{
    /// <summary>Virtual-machine instructions between two looks at the token (a few microseconds of work).</summary>
    private const int Instructions = 1_000;

    private readonly SqliteConnection? _connection;
    private readonly CancellationTokenRegistration _interrupt;

    private SqliteCancellation(SqliteConnection connection, CancellationToken cancellationToken)
    {
        _connection = connection;
        SQLitePCL.raw.sqlite3_progress_handler(connection.Handle, Instructions, static state => ((StrongBox<CancellationToken>)state).Value.IsCancellationRequested ? 1 : 0, new StrongBox<CancellationToken>(cancellationToken));
        _interrupt = cancellationToken.UnsafeRegister(
            static state =>
            {
                if (((SqliteConnection)state!).Handle is { } handle)
                {
                    SQLitePCL.raw.sqlite3_interrupt(handle);
                }
            },
            connection);
    }

    private SqliteCancellation()
    {
    }

    /// <summary>Watches <paramref name="cancellationToken"/> for the statements run on the open <paramref name="connection"/> until disposed.</summary>
    public static SqliteCancellation Watch(SqliteConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return cancellationToken.CanBeCanceled ? new SqliteCancellation(connection, cancellationToken) : new SqliteCancellation();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _interrupt.Dispose();
        if (_connection?.Handle is { } handle)
        {
            SQLitePCL.raw.sqlite3_progress_handler(handle, 0, null, null);
        }
    }
}
