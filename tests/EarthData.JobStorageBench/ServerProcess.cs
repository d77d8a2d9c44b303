using Hangfire;
using Hangfire.InMemory;
using Hangfire.Storage.SQLite;

namespace EarthData.JobStorageBench;

/// <summary>
/// The child role: one Hangfire server. On a SQLite file it serves what the parent enqueued; on Hangfire.InMemory it
/// enqueues the jobs itself first (the storage lives in this process only). Runs until killed.
/// </summary>
internal static class ServerProcess
{
    /// <summary>Arguments: <c>--serve sqlite|inmemory {database} {workers} {invisibility seconds} {jobs} {job ms}</c>.</summary>
    public static int Run(string[] args)
    {
        var sqlite = args[1] == "sqlite";
        var workers = int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture);
        var invisibility = TimeSpan.FromSeconds(double.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture));
        JobStorage storage = sqlite ? new SQLiteStorage(args[2], Options(invisibility)) : new InMemoryStorage();
        if (!sqlite)
        {
            Enqueue(storage, int.Parse(args[5], System.Globalization.CultureInfo.InvariantCulture), int.Parse(args[6], System.Globalization.CultureInfo.InvariantCulture));
        }

        using var server = new BackgroundJobServer(new BackgroundJobServerOptions
        {
            WorkerCount = workers, ServerName = $"bench-{Environment.ProcessId}", SchedulePollingInterval = TimeSpan.FromSeconds(1),
        }, storage);
        Thread.Sleep(Timeout.Infinite);
        return 0;
    }

    /// <summary>The SQLite storage options of every process of a run.</summary>
    public static SQLiteStorageOptions Options(TimeSpan invisibility) => new()
    {
        InvisibilityTimeout = invisibility,
        QueuePollInterval = TimeSpan.FromSeconds(1),
    };

    /// <summary>Enqueues jobs 0 … <paramref name="jobs"/> − 1.</summary>
    public static void Enqueue(JobStorage storage, int jobs, int milliseconds)
    {
        var client = new BackgroundJobClient(storage);
        for (var i = 0; i < jobs; i++)
        {
            var number = i;
            client.Enqueue(() => TrivialJob.Run(number, milliseconds));
        }
    }
}
