using EarthData.Jobs.Background;
using EarthData.Jobs.Scheduling;
using Hangfire;

namespace EarthData.Server.Composition;

/// <summary>
/// At start-up (after the catalogue is migrated): registers the recurring discovery job from
/// <c>EarthData:Pipeline:DiscoveryCron</c> (or removes it for <c>never</c>), and with in-memory job storage puts every
/// unfinished scene back on its queue — that storage starts empty, the catalogue remembers.
/// </summary>
internal sealed partial class PipelineStartup(EarthDataSettings settings, EarthDataRole role, IRecurringJobManager recurring, SceneRecovery recovery,
    ILogger<PipelineStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!role.Schedules)
        {
            return;
        }

        if (string.Equals(settings.DiscoveryCron, "never", StringComparison.OrdinalIgnoreCase))
        {
            recurring.RemoveIfExists(DiscoverScenes.RecurringJobId);
        }
        else
        {
            try
            {
                recurring.AddOrUpdate<DiscoverScenes>(DiscoverScenes.RecurringJobId, j => j.RunAsync(CancellationToken.None), settings.DiscoveryCron);
            }
            catch (ArgumentException ex)
            {
                throw new ArgumentException($"EarthData:Pipeline:DiscoveryCron: '{settings.DiscoveryCron}': {ex.Message}", ex);
            }
        }

        if (settings.JobStorage == JobStorageProvider.InMemory && role.Workers)
        {
            var requeued = await recovery.RequeueUnfinishedAsync(TimeSpan.Zero, evenIfLeased: true, cancellationToken).ConfigureAwait(false);
            if (requeued.Count > 0)
            {
                LogRequeued(logger, requeued.Count);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "re-enqueued {Count} unfinished scene(s) from the catalogue")]
    private static partial void LogRequeued(ILogger logger, int count);
}
