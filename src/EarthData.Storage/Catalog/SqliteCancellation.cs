using System.Diagnostics;
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

    private SqliteCancellation(SqliteConnection connection, long deadline, CancellationToken cancellationToken)
    {
        _connection = connection;
        SQLitePCL.raw.sqlite3_progress_handler(connection.Handle, Instructions, static state => ((Watched)state).Stop ? 1 : 0, new Watched(deadline, cancellationToken));
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
    public static SqliteCancellation Watch(SqliteConnection connection, CancellationToken cancellationToken) =>
        Watch(connection, Timeout.InfiniteTimeSpan, cancellationToken);

    /// <summary>
    /// Watches <paramref name="cancellationToken"/> and a <paramref name="limit"/> from now for the statements run on the
    /// open <paramref name="connection"/> until disposed.
    /// </summary>
    /// <remarks>
    /// The limit is checked against the clock inside the statement, not only through a timer-cancelled token: a timer's
    /// callback needs a thread-pool thread, and SQLite statements run synchronously on those threads, so under load the
    /// token of a 1 ms count budget was seen cancelled only after a 230 ms count had finished (1–3 counts in 20).
    /// </remarks>
    public static SqliteCancellation Watch(SqliteConnection connection, TimeSpan limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var deadline = limit != Timeout.InfiniteTimeSpan ? Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency) : long.MaxValue;
        return cancellationToken.CanBeCanceled || deadline != long.MaxValue
            ? new SqliteCancellation(connection, deadline, cancellationToken)
            : new SqliteCancellation();
    }

    /// <summary>What the progress handler looks at: the token, and the clock against the deadline.</summary>
    private sealed class Watched(long deadline, CancellationToken cancellationToken)
    {
        public bool Stop => cancellationToken.IsCancellationRequested || Stopwatch.GetTimestamp() > deadline;
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
