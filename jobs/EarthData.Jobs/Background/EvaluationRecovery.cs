using EarthData.Core.Alerts;
using EarthData.Core.Catalog;
using Hangfire;

namespace EarthData.Jobs.Background;

/// <summary>
/// Puts alert evaluations back on the <c>alerts</c> queue when no job is carrying them: at start-up of the embedded
/// shape, whose in-memory job storage lost the <see cref="EvaluateAlerts"/> jobs of scenes published just before the
/// stop. Every scene the alert store has pending and whose record is <c>Published</c> is enqueued; one still being
/// published is left to its own publish, one the catalogue no longer knows is marked done, and the evaluation's
/// idempotence makes a duplicate harmless.
/// </summary>
public sealed class EvaluationRecovery(IAlertStore alerts, ISceneRecordStore records, IBackgroundJobClient client)
{
    /// <summary>Re-enqueues the pending evaluations of published scenes; returns their ids.</summary>
    public async Task<IReadOnlyList<string>> RequeuePendingAsync(CancellationToken cancellationToken)
    {
        var requeued = new List<string>();
        foreach (var sceneId in await alerts.ListPendingEvaluationsAsync(cancellationToken).ConfigureAwait(false))
        {
            var record = await records.GetSceneRecordAsync(sceneId, cancellationToken).ConfigureAwait(false);
            if (record is null)
            {
                await alerts.CompleteEvaluationAsync(sceneId, cancellationToken).ConfigureAwait(false);
            }
            else if (record.State == SceneState.Published)
            {
                HangfireAlertHook.Enqueue(client, sceneId);
                requeued.Add(sceneId);
            }
        }

        return requeued;
    }
}
