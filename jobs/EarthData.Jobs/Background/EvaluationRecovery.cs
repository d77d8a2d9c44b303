using EarthData.Core.Alerts;
using EarthData.Core.Catalog;
using Hangfire;
using Hangfire.States;
using Hangfire.Storage;

namespace EarthData.Jobs.Background;

/// <summary>
/// Puts alert evaluations back on the <c>alerts</c> queue when no job is carrying them: at start-up of the embedded
/// shape (its in-memory job storage lost the <see cref="EvaluateAlerts"/> jobs of scenes published just before the stop)
/// and every minute on any storage (<see cref="SweepPendingEvaluations"/>: a process killed between a publish's commit
/// and its enqueue). A pending evaluation of a <c>Published</c> scene is enqueued when no live job carries it: the job the
/// alert store names for it is enqueued, scheduled for a retry, processing or awaiting — or it is not, or the storage
/// does not know it (a restarted in-memory storage, an expired job), or none was ever named. One whose job failed after
/// its retries is left to the operator (the dashboard's Retry); one whose job an operator deleted is marked done, as is
/// one whose scene the catalogue no longer knows; one still being published is left to its own publish. Runs under a
/// distributed lock of the job storage, so concurrent recoveries (start-up and sweep, two processes) never enqueue one
/// scene twice; and the evaluation's idempotence makes a duplicate from a crash after an enqueue harmless.
/// </summary>
public sealed class EvaluationRecovery(IAlertStore alerts, ISceneRecordStore records, IBackgroundJobClient client, JobStorage storage,
    TimeProvider? time = null)
{
    /// <summary>The job storage's distributed lock every recovery runs under.</summary>
    public const string LockResource = "earthdata:alert-evaluation-recovery";

    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(1);

    // Live jobs, and failed ones (Hangfire gave up after its retries; the dashboard's Retry puts them back).
    private static readonly HashSet<string> Carrying = new(StringComparer.Ordinal)
    {
        EnqueuedState.StateName, ScheduledState.StateName, ProcessingState.StateName, AwaitingState.StateName, FailedState.StateName,
    };

    /// <summary>
    /// Re-enqueues the pending evaluations of published scenes that were marked at least <paramref name="pendingFor"/>
    /// ago and that no live job carries; returns their scene ids.
    /// </summary>
    /// <param name="pendingFor">
    /// How long an evaluation must have been pending (zero at start-up with in-memory storage: no job can be carrying it;
    /// the sweep uses <c>EarthData:Alerts:PendingEvaluationAge</c>, longer than a publish takes from its mark to its enqueue).
    /// </param>
    /// <param name="cancellationToken">Stops the recovery.</param>
    /// <exception cref="Hangfire.Storage.DistributedLockTimeoutException">Another recovery held the lock for a minute.</exception>
    public async Task<IReadOnlyList<string>> RequeuePendingAsync(TimeSpan pendingFor, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pendingFor, TimeSpan.Zero);
        using var connection = storage.GetConnection();
        using var held = connection.AcquireDistributedLock(LockResource, LockTimeout);
        var markedBefore = (time ?? TimeProvider.System).GetUtcNow() - pendingFor;
        var requeued = new List<string>();
        foreach (var pending in await alerts.ListPendingEvaluationsAsync(markedBefore, cancellationToken).ConfigureAwait(false))
        {
            var record = await records.GetSceneRecordAsync(pending.SceneId, cancellationToken).ConfigureAwait(false);
            if (record is null)
            {
                await alerts.CompleteEvaluationAsync(pending.SceneId, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (record.State != SceneState.Published)
            {
                continue;
            }

            var state = StateOfJob(connection, pending);
            if (state is not null && Carrying.Contains(state))
            {
                continue;
            }

            if (string.Equals(state, DeletedState.StateName, StringComparison.Ordinal))
            {
                await alerts.CompleteEvaluationAsync(pending.SceneId, cancellationToken).ConfigureAwait(false);
                continue;
            }

            await HangfireAlertHook.EnqueueAsync(client, alerts, pending.SceneId, cancellationToken).ConfigureAwait(false);
            requeued.Add(pending.SceneId);
        }

        return requeued;
    }

    /// <summary>The state of the job named for the evaluation, or null when there is none or it evaluates something else.</summary>
    private static string? StateOfJob(IStorageConnection connection, PendingEvaluation pending)
    {
        if (pending.JobId is null)
        {
            return null;
        }

        // A restarted in-memory storage numbers its jobs afresh: the id may now name another job.
        var data = connection.GetJobData(pending.JobId);
        return data?.Job is { } job && job.Type == typeof(EvaluateAlerts) && job.Args.Count > 0 && job.Args[0] is string sceneId &&
               string.Equals(sceneId, pending.SceneId, StringComparison.Ordinal)
            ? data.State
            : null;
    }
}
