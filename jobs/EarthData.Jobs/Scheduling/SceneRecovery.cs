using EarthData.Core.Catalog;

namespace EarthData.Jobs.Scheduling;

/// <summary>
/// Puts scenes back on their queues when no job is carrying them: at start-up of the embedded shape (its in-memory job
/// storage starts empty) and on every discovery round (a job lost to a crash between recording a state and enqueueing
/// the next stage). A scene is re-enqueued when it is in a stage's state, its record has not changed for a while, and
/// (for the periodic sweep) nobody holds that stage's lease. Duplicates are harmless: the lease and the record let only
/// one run do the work, and a job that finds the lease held tries again when it lapses.
/// </summary>
public sealed class SceneRecovery(ISceneRecordStore records, ISceneJobScheduler scheduler, TimeProvider? time = null)
{
    private static readonly SceneState[] Active = [SceneState.Queued, SceneState.Ingesting, SceneState.Processing, SceneState.Tiling, SceneState.Publishing];

    /// <summary>Re-enqueues unfinished scenes; returns their ids.</summary>
    /// <param name="quietFor">How long a record must be unchanged (zero at start-up: no job of this process can be carrying it).</param>
    /// <param name="evenIfLeased">
    /// Also re-enqueue scenes whose lease has not lapsed yet: at start-up the holder may be this data directory's
    /// previous process, killed seconds ago; the job then waits for the lease to lapse.
    /// </param>
    /// <param name="cancellationToken">Stops the sweep.</param>
    public async Task<IReadOnlyList<string>> RequeueUnfinishedAsync(TimeSpan quietFor, bool evenIfLeased = false, CancellationToken cancellationToken = default)
    {
        var now = (time ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        var requeued = new List<string>();
        foreach (var state in Active)
        {
            string? token = null;
            do
            {
                var page = await records.ListSceneRecordsAsync(new SceneRecordQuery { State = state, Limit = SceneRecordQuery.MaxLimit, Token = token }, cancellationToken)
                    .ConfigureAwait(false);
                foreach (var record in page.Records)
                {
                    var stage = SceneStages.StageOf(record.State)!.Value;
                    if (now - record.UpdatedAt < quietFor)
                    {
                        continue;
                    }

                    var lease = evenIfLeased ? null : await records.GetSceneLeaseAsync(record.SceneId, stage, cancellationToken).ConfigureAwait(false);
                    if (lease is null || lease.ExpiresAt < now)
                    {
                        scheduler.Enqueue(stage, record.SceneId);
                        requeued.Add(record.SceneId);
                    }
                }

                token = page.NextToken;
            }
            while (token is not null);
        }

        return requeued;
    }
}
