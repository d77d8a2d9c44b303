using System.Globalization;

namespace EarthData.JobStorageBench;

/// <summary>What one scenario measured.</summary>
internal sealed record BenchResult(BenchScenario Scenario, TimeSpan Enqueue, TimeSpan Processing, ExecutionTally Tally, bool Killed)
{
    public const string Header =
        "| run | storage | servers × workers | jobs × ms | enqueue s | run s | jobs/s | completed | never completed | started > 1× | completed > 1× | re-run after kill |\n" +
        "|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|";

    public string Row()
    {
        var s = Scenario;
        var storage = s.Sqlite ? $"SQLite 0.4.3 (invisibility {s.InvisibilityTimeout.TotalSeconds:0} s)" : "InMemory 1.0.0";
        return string.Create(CultureInfo.InvariantCulture,
            $"| {s.Name}{(Killed ? " (SIGKILL)" : string.Empty)} | {storage} | {s.Servers} × {s.Workers} | {s.Jobs} × {s.JobMilliseconds} | {Enqueue.TotalSeconds:0.0} | " +
            $"{Processing.TotalSeconds:0.0} | {Tally.Completed / Processing.TotalSeconds:0} | {Tally.Completed} | {Tally.NeverCompleted} | {Tally.StartedMoreThanOnce} | " +
            $"{Tally.CompletedMoreThanOnce} | {Tally.RerunAfterKill} |");
    }
}
