namespace EarthData.JobStorageBench;

/// <summary>One measured run.</summary>
/// <param name="Name">Row label.</param>
/// <param name="Sqlite">Hangfire.Storage.SQLite on one file shared by <paramref name="Servers"/> processes; else Hangfire.InMemory in one process.</param>
/// <param name="Servers">Hangfire server processes.</param>
/// <param name="Workers">Workers per server.</param>
/// <param name="Jobs">Jobs enqueued before the servers start.</param>
/// <param name="JobMilliseconds">How long each job sleeps.</param>
/// <param name="InvisibilityTimeout">SQLite: how long a fetched job stays invisible to other workers.</param>
/// <param name="KillOneAt">SIGKILL the first server once this share of the jobs completed; null for none.</param>
internal sealed record BenchScenario(
    string Name, bool Sqlite, int Servers, int Workers, int Jobs, int JobMilliseconds, TimeSpan InvisibilityTimeout, double? KillOneAt);
