using System.Diagnostics;
using System.Globalization;
using Hangfire.Storage.SQLite;

namespace EarthData.JobStorageBench;

/// <summary>Runs a scenario: enqueue, start the server processes, watch the execution logs, kill one if asked, tally.</summary>
internal static class BenchRunner
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);

    public static BenchResult Run(BenchScenario scenario)
    {
        var dir = Directory.CreateTempSubdirectory("earthdata-jobbench-").FullName;
        var database = Path.Combine(dir, "hangfire.db");
        var enqueue = Stopwatch.StartNew();
        if (scenario.Sqlite)
        {
            ServerProcess.Enqueue(new SQLiteStorage(database, ServerProcess.Options(scenario.InvisibilityTimeout)), scenario.Jobs, scenario.JobMilliseconds);
        }

        enqueue.Stop();
        var logs = new List<string>();
        var servers = new List<Process>();
        for (var s = 0; s < scenario.Servers; s++)
        {
            var log = Path.Combine(dir, $"server{s}.log");
            logs.Add(log);
            var start = new ProcessStartInfo(Environment.ProcessPath!)
            {
                ArgumentList =
                {
                    "--serve", scenario.Sqlite ? "sqlite" : "inmemory", database, Num(scenario.Workers),
                    scenario.InvisibilityTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture), Num(scenario.Jobs), Num(scenario.JobMilliseconds),
                },
                RedirectStandardOutput = true, RedirectStandardError = true,
            };
            start.Environment[ExecutionLog.PathVariable] = log;
            var process = Process.Start(start)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) Console.Error.WriteLine($"  [server {s}] {e.Data}"); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            servers.Add(process);
        }

        var clock = Stopwatch.StartNew();
        int? killed = null;
        var completed = 0;
        var lastProgress = clock.Elapsed;
        var stallLimit = scenario.InvisibilityTimeout + TimeSpan.FromSeconds(30);
        TimeSpan? done = null;
        while (true)
        {
            Thread.Sleep(100);
            var tally = ExecutionTally.Read(scenario.Jobs, logs, killed);
            if (tally.Completed != completed)
            {
                completed = tally.Completed;
                lastProgress = clock.Elapsed;
            }

            if (killed is null && scenario.KillOneAt is { } share && completed >= share * scenario.Jobs)
            {
                killed = servers[0].Id;
                servers[0].Kill(entireProcessTree: true);
            }

            if (completed == scenario.Jobs && done is null)
            {
                done = clock.Elapsed;
            }

            if ((done is { } d && clock.Elapsed - d >= Settle) || clock.Elapsed - lastProgress > stallLimit)
            {
                break;
            }
        }

        foreach (var server in servers.Where(p => !p.HasExited))
        {
            server.Kill(entireProcessTree: true);
            server.WaitForExit();
        }

        var final = ExecutionTally.Read(scenario.Jobs, logs, killed);
        Directory.Delete(dir, recursive: true);
        return new BenchResult(scenario, enqueue.Elapsed, done ?? lastProgress, final, killed is not null);
    }

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);
}
