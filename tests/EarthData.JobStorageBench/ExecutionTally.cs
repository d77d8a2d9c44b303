using System.Globalization;

namespace EarthData.JobStorageBench;

/// <summary>What the execution logs of one run say about each job.</summary>
internal sealed class ExecutionTally
{
    private readonly int[] _starts;
    private readonly int[] _ends;
    private readonly int[] _startsInKilled;

    private ExecutionTally(int jobs)
    {
        _starts = new int[jobs];
        _ends = new int[jobs];
        _startsInKilled = new int[jobs];
    }

    /// <summary>Jobs that ended at least once.</summary>
    public int Completed => _ends.Count(e => e > 0);

    /// <summary>Jobs that never ended (never started, or started only in a killed process).</summary>
    public int NeverCompleted => _ends.Count(e => e == 0);

    /// <summary>Jobs started more than once, for any reason.</summary>
    public int StartedMoreThanOnce => _starts.Count(s => s > 1);

    /// <summary>Jobs that ended more than once: ran to the end twice, the duplicate no recovery explains.</summary>
    public int CompletedMoreThanOnce => _ends.Count(e => e > 1);

    /// <summary>Jobs started again after a start cut short by the killed process (the expected at-least-once re-run).</summary>
    public int RerunAfterKill => Enumerable.Range(0, _starts.Length).Count(i => _startsInKilled[i] > 0 && _starts[i] > _startsInKilled[i]);

    /// <summary>Reads every log file; starts in <paramref name="killedPid"/> that never ended there count as cut short.</summary>
    public static ExecutionTally Read(int jobs, IEnumerable<string> logs, int? killedPid)
    {
        var tally = new ExecutionTally(jobs);
        var killedEnds = new int[jobs];
        foreach (var log in logs.Where(File.Exists))
        {
            using var reader = new StreamReader(new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            while (reader.ReadLine() is { } line)
            {
                var parts = line.Split(' ');
                if (parts.Length != 3 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n >= jobs)
                {
                    continue; // a line torn by SIGKILL
                }

                var inKilled = killedPid is { } k && parts[2] == k.ToString(CultureInfo.InvariantCulture);
                if (parts[0] == "S")
                {
                    tally._starts[n]++;
                    tally._startsInKilled[n] += inKilled ? 1 : 0;
                }
                else if (parts[0] == "E")
                {
                    tally._ends[n]++;
                    killedEnds[n] += inKilled ? 1 : 0;
                }
            }
        }

        for (var i = 0; i < jobs; i++)
        {
            tally._startsInKilled[i] -= killedEnds[i]; // only the starts the kill cut short
        }

        return tally;
    }
}
