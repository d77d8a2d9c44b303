using EarthData.Jobs.Scheduling;
using Hangfire;

namespace EarthData.Jobs.Background;

/// <summary>The recurring discovery job (cron <c>EarthData:Pipeline:DiscoveryCron</c>): one <see cref="SceneDiscovery"/> round.</summary>
[Queue(SceneQueues.Ingest)]
public sealed class DiscoverScenes(SceneDiscovery discovery)
{
    /// <summary>The recurring job's id.</summary>
    public const string RecurringJobId = "discover-scenes";

    /// <summary>Runs one round.</summary>
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Discover scenes")]
    public Task RunAsync(CancellationToken cancellationToken) => discovery.RunAsync(cancellationToken);
}
