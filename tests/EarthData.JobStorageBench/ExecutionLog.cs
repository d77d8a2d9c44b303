using System.Globalization;

namespace EarthData.JobStorageBench;

/// <summary>
/// One process's record of job executions: a line <c>S {number} {pid}</c> when a job starts and <c>E {number} {pid}</c>
/// when it ends, flushed per line, so a process killed with SIGKILL leaves every line it wrote.
/// </summary>
internal sealed class ExecutionLog : IDisposable
{
    /// <summary>The environment variable naming the log file of a process.</summary>
    public const string PathVariable = "EARTHDATA_JOBBENCH_LOG";

    private static ExecutionLog? _current;
    private readonly StreamWriter _writer;
    private readonly Lock _gate = new();
    private readonly int _pid = Environment.ProcessId;

    private ExecutionLog(string path)
    {
        _writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
    }

    /// <summary>This process's log (file from <see cref="PathVariable"/>), opened on first use.</summary>
    public static ExecutionLog Current
    {
        get
        {
            if (_current is null)
            {
                var path = Environment.GetEnvironmentVariable(PathVariable) ?? throw new InvalidOperationException($"{PathVariable} is not set");
                Interlocked.CompareExchange(ref _current, new ExecutionLog(path), null);
            }

            return _current;
        }
    }

    public void Started(int number) => Write('S', number);

    public void Ended(int number) => Write('E', number);

    public void Dispose() => _writer.Dispose();

    private void Write(char kind, int number)
    {
        lock (_gate)
        {
            _writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{kind} {number} {_pid}"));
        }
    }
}
