using EarthData.Jobs.Background;

namespace EarthData.Server.Composition;

/// <summary>What this process does with the job system, per command: <c>serve</c>, <c>worker</c>, <c>ingest</c>, <c>publish</c>.</summary>
public sealed record EarthDataRole
{
    /// <summary>Run Hangfire workers in this process.</summary>
    public bool Workers { get; init; }

    /// <summary>Register the recurring discovery job and, with in-memory job storage, re-enqueue unfinished scenes at start-up.</summary>
    public bool Schedules { get; init; }

    /// <summary>The queues the workers serve; default all.</summary>
    public IReadOnlyList<string> Queues { get; init; } = SceneQueues.All;

    /// <summary>Workers in this process; null = <c>EarthData:Jobs:Workers</c>.</summary>
    public int? WorkerCount { get; init; }

    /// <summary><c>earthdata serve</c>: the web host, with workers unless told otherwise.</summary>
    public static EarthDataRole Server(bool workers) => new() { Workers = workers, Schedules = true };

    /// <summary><c>earthdata worker</c>.</summary>
    public static EarthDataRole Worker(IReadOnlyList<string>? queues, int? workers) =>
        new() { Workers = true, Schedules = true, Queues = queues ?? SceneQueues.All, WorkerCount = workers };

    /// <summary><c>earthdata ingest</c> / <c>publish</c>: enqueue or run inline, no workers, no schedules.</summary>
    public static EarthDataRole Client { get; } = new();
}
