using HangfireLevel = Hangfire.Logging.LogLevel;
using HangfireLog = Hangfire.Logging.ILog;
using HangfireLogProvider = Hangfire.Logging.ILogProvider;

namespace EarthData.Server.Composition;

/// <summary>
/// Hangfire's log provider. Hangfire logs through one process-wide provider, and <c>AddHangfire</c> sets it to the
/// <see cref="ILoggerFactory"/> of whichever host resolved Hangfire's configuration last; once that host stopped, its
/// disposed factory made every other host's job client and schedulers throw <see cref="ObjectDisposedException"/> —
/// a webhook job that could not be created, a recurring sweep disabled (seen in the test process, which runs many
/// hosts). This provider instead writes to the most recently started host that is still running (the only one in a
/// normal process) and drops a message when none is, so a host's stop never breaks the others.
/// </summary>
/// <param name="factory">The host's logger factory, written to while the host runs (this is its hosted service).</param>
internal sealed class HangfireHostLogs(ILoggerFactory factory) : IHostedService
{
    private static readonly Lock Gate = new();
    private static readonly List<ILoggerFactory> Running = [];

    // The last of Running, read on every Hangfire log call (IsEnabled checks included) without taking the lock.
    private static volatile ILoggerFactory? s_current;

    /// <summary>The process-wide provider to give Hangfire (<c>UseLogProvider</c>).</summary>
    public static HangfireLogProvider Provider { get; } = new ProcessLogs();

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lock (Gate)
        {
            Running.Add(factory);
            s_current = factory;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        lock (Gate)
        {
            Running.Remove(factory);
            s_current = Running.Count == 0 ? null : Running[^1];
        }

        return Task.CompletedTask;
    }

    private sealed class ProcessLogs : HangfireLogProvider
    {
        public HangfireLog GetLogger(string name) => new HostLog(name);
    }

    private sealed class HostLog(string name) : HangfireLog
    {
        private Cached? _cached;

        public bool Log(HangfireLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            if (s_current is not { } factory)
            {
                return false;
            }

            try
            {
                var logger = _cached is { } cached && ReferenceEquals(cached.Factory, factory) ? cached.Logger : (_cached = new Cached(factory, factory.CreateLogger(name))).Logger;
                var level = Level(logLevel);
                if (!logger.IsEnabled(level))
                {
                    return false;
                }

                if (messageFunc is null)
                {
                    return true; // Hangfire asking whether the level is on
                }

#pragma warning disable CA1848, CA2254 // Hangfire hands over a formatted message
                logger.Log(level, 0, exception, messageFunc());
#pragma warning restore CA1848, CA2254
                return true;
            }
            catch (ObjectDisposedException)
            {
                return false; // the host stopped between reading s_current and the write
            }
        }

        private static LogLevel Level(HangfireLevel level) => level switch
        {
            HangfireLevel.Trace => LogLevel.Trace,
            HangfireLevel.Debug => LogLevel.Debug,
            HangfireLevel.Info => LogLevel.Information,
            HangfireLevel.Warn => LogLevel.Warning,
            HangfireLevel.Error => LogLevel.Error,
            _ => LogLevel.Critical,
        };

        private sealed record Cached(ILoggerFactory Factory, ILogger Logger);
    }
}
