using Hangfire;
using Microsoft.Extensions.Logging;

namespace EarthData.Jobs.Background;

/// <summary>
/// The recurring sweep (every minute, on the <c>alerts</c> queue, on any job storage) for alert evaluations whose
/// enqueue was lost: a worker killed between a publish's commit and its <see cref="EvaluateAlerts"/> enqueue leaves the
/// scene's evaluation pending with no job carrying it. One <see cref="EvaluationRecovery"/> round over evaluations
/// pending at least <c>EarthData:Alerts:PendingEvaluationAge</c>.
/// </summary>
[Queue(SceneQueues.Alerts)]
public sealed partial class SweepPendingEvaluations(EvaluationRecovery recovery, ILogger<SweepPendingEvaluations> logger)
{
    /// <summary>The recurring job's id.</summary>
    public const string RecurringJobId = "sweep-alert-evaluations";

    /// <summary>Re-enqueues the evaluations pending at least <paramref name="pendingFor"/> that no live job carries; returns their scene ids.</summary>
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Sweep pending alert evaluations")]
    public async Task<IReadOnlyList<string>> RunAsync(TimeSpan pendingFor, CancellationToken cancellationToken)
    {
        var requeued = await recovery.RequeuePendingAsync(pendingFor, cancellationToken).ConfigureAwait(false);
        if (requeued.Count > 0)
        {
            LogRequeued(logger, requeued.Count, string.Join(", ", requeued));
        }

        return requeued;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "re-enqueued {Count} alert evaluation(s) that no job carried: {Scenes}")]
    private static partial void LogRequeued(ILogger logger, int count, string scenes);
}
