using EarthData.Core;
using EarthData.Core.Catalog;
using EarthData.Core.Scenes;

namespace EarthData.Jobs.State;

/// <summary>
/// The one owner of scene state. Every caller — the API, the CLI, the jobs — changes a scene's record only through
/// this service, and every change is a compare-and-swap on the record's (state, version) in the catalogue database.
/// A stage runs only under a lease on (scene, stage) held by one worker (<see cref="StageRun"/>), so two workers on
/// any machines never run one stage of one scene at once, even when Hangfire delivers a job twice.
/// </summary>
/// <remarks>
/// <para>Lifecycle: <c>Queued → Ingesting → Processing → Tiling → Publishing → Published</c>. A scene in a stage's
/// state is waiting for or running that stage. Invalid input (<see cref="InvalidSceneException"/>) makes it
/// <c>Rejected</c> with the reason and no retry; any other fault is transient: the stage is retried with exponential
/// backoff up to <see cref="SceneStateOptions.MaxAttempts"/> attempts, then the scene is <c>Failed</c> (retryable).</para>
/// <para>Thread-safe. Clock: <see cref="TimeProvider"/>; lease expiry compares this process's clock with the
/// holder's, so keep worker clocks within a fraction of the lease duration (NTP).</para>
/// </remarks>
public sealed class SceneStateService
{
    private const int CasAttempts = 16;
    private readonly ISceneRecordStore _store;

    /// <summary>Creates the service.</summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public SceneStateService(ISceneRecordStore store, SceneStateOptions? options = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        Options = options ?? new SceneStateOptions();
        if (Options.Problems() is { Count: > 0 } problems)
        {
            throw new ArgumentException(string.Join("; ", problems));
        }

        _store = store;
        Time = time ?? TimeProvider.System;
    }

    /// <summary>Leases and retries.</summary>
    public SceneStateOptions Options { get; }

    internal TimeProvider Time { get; }

    private DateTime Now => Time.GetUtcNow().UtcDateTime;

    /// <summary>The record of a scene, or null.</summary>
    public Task<SceneRecord?> GetAsync(string sceneId, CancellationToken cancellationToken = default) =>
        _store.GetSceneRecordAsync(sceneId, cancellationToken);

    /// <summary>A page of records (see <see cref="ISceneRecordStore.ListSceneRecordsAsync"/>).</summary>
    public Task<SceneRecordPage> ListAsync(SceneRecordQuery query, CancellationToken cancellationToken = default) =>
        _store.ListSceneRecordsAsync(query, cancellationToken);

    /// <summary>
    /// Queues a scene: a new record in <c>Queued</c>. A scene that is already queued, in a stage or published keeps
    /// its record (idempotent) unless <paramref name="force"/> re-queues a published one; a failed or rejected scene is
    /// re-queued from the start. Concurrent calls for one scene create one record.
    /// </summary>
    /// <param name="sceneId">The scene.</param>
    /// <param name="source">Where the scene's files are (archive path, blob prefix, STAC item URL).</param>
    /// <param name="force">Re-process a published scene.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record and, when the caller must enqueue the ingest stage, that stage.</returns>
    public async Task<QueueOutcome> QueueAsync(SceneId sceneId, string source, bool force = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        var id = sceneId.ToString();
        for (var attempt = 0; attempt < CasAttempts; attempt++)
        {
            var now = Now;
            var current = await _store.GetSceneRecordAsync(id, cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                var record = new SceneRecord
                {
                    SceneId = id, State = SceneState.Queued, Source = source, Collection = sceneId.CollectionId, CreatedAt = now, UpdatedAt = now,
                };
                if (await _store.TryInsertSceneRecordAsync(record, cancellationToken).ConfigureAwait(false))
                {
                    return new QueueOutcome(record with { Version = 1 }, SceneStage.Ingest);
                }

                continue;
            }

            var requeue = current.State is SceneState.Failed or SceneState.Rejected || (force && current.State == SceneState.Published);
            if (!requeue)
            {
                return new QueueOutcome(current, null);
            }

            var queued = Reset(current, SceneState.Queued, null, now) with { Source = source };
            if (await TryWriteAsync(queued, current, cancellationToken).ConfigureAwait(false) is { } written)
            {
                return new QueueOutcome(written, SceneStage.Ingest);
            }
        }

        throw Contended(id);
    }

    /// <summary>
    /// Retries a failed or rejected scene: a failed one resumes at the stage that failed, a rejected one starts again
    /// from ingest (its input may have been fixed).
    /// </summary>
    /// <exception cref="SceneNotFoundException">No such scene.</exception>
    /// <exception cref="SceneStateConflictException">The scene is neither failed nor rejected.</exception>
    public async Task<QueueOutcome> RetryAsync(string sceneId, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt < CasAttempts; attempt++)
        {
            var current = await _store.GetSceneRecordAsync(sceneId, cancellationToken).ConfigureAwait(false)
                ?? throw new SceneNotFoundException(sceneId);
            var stage = current.State switch
            {
                SceneState.Failed => current.Stage ?? SceneStage.Ingest,
                SceneState.Rejected => SceneStage.Ingest,
                _ => throw new SceneStateConflictException(current, $"scene '{sceneId}' is {current.State}: only Failed or Rejected scenes can be retried"),
            };
            var state = current.State == SceneState.Rejected ? SceneState.Queued : SceneStages.StateOf(stage);
            var next = Reset(current, state, state == SceneState.Queued ? null : stage, Now);
            if (await TryWriteAsync(next, current, cancellationToken).ConfigureAwait(false) is { } written)
            {
                return new QueueOutcome(written, stage);
            }
        }

        throw Contended(sceneId);
    }

    /// <summary>
    /// Starts <paramref name="stage"/> of a scene for this worker: checks that the record is at that stage, takes the
    /// stage's lease and counts the attempt. The caller does the work under <see cref="StageRun.CancellationToken"/>
    /// and then calls <see cref="CompleteStageAsync"/> or <see cref="FailStageAsync"/>.
    /// </summary>
    public async Task<StageStart> BeginStageAsync(string sceneId, SceneStage stage, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sceneId);
        var current = await _store.GetSceneRecordAsync(sceneId, cancellationToken).ConfigureAwait(false);
        if (current is null || SceneStages.StageOf(current.State) != stage)
        {
            return new StageStart(StageStartKind.Skipped, null, current, TimeSpan.Zero);
        }

        var now = Now;
        var lease = new SceneLease(sceneId, stage, Options.WorkerId, now + Options.LeaseDuration);
        if (!await _store.TryAcquireSceneLeaseAsync(lease, now, cancellationToken).ConfigureAwait(false))
        {
            var holder = await _store.GetSceneLeaseAsync(sceneId, stage, cancellationToken).ConfigureAwait(false);
            var wait = holder is null ? TimeSpan.FromSeconds(1) : holder.ExpiresAt - now;
            return new StageStart(StageStartKind.Busy, null, current, wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait);
        }

        for (var attempt = 0; attempt < CasAttempts; attempt++)
        {
            if (attempt > 0)
            {
                current = await _store.GetSceneRecordAsync(sceneId, cancellationToken).ConfigureAwait(false);
            }

            if (current is null || SceneStages.StageOf(current.State) != stage)
            {
                await _store.ReleaseSceneLeaseAsync(sceneId, stage, Options.WorkerId, cancellationToken).ConfigureAwait(false);
                return new StageStart(StageStartKind.Skipped, null, current, TimeSpan.Zero);
            }

            var running = current with
            {
                State = SceneStages.StateOf(stage), Stage = stage, Progress = 0, Attempts = current.Attempts + 1, UpdatedAt = Now,
            };
            if (await TryWriteAsync(running, current, cancellationToken).ConfigureAwait(false) is { } written)
            {
                return new StageStart(StageStartKind.Started, new StageRun(this, sceneId, stage, Options.WorkerId, cancellationToken), written, TimeSpan.Zero);
            }
        }

        throw Contended(sceneId);
    }

    /// <summary>
    /// Records that the stage finished: the scene moves to the next stage's state (or <c>Published</c>) with attempts
    /// reset, and the lease is released.
    /// </summary>
    /// <returns>The record, and the next stage to enqueue (null after publishing, or when the run no longer owned the scene).</returns>
    public async Task<QueueOutcome?> CompleteStageAsync(StageRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        var next = SceneStages.Next(run.Stage);
        var state = next is { } n ? SceneStages.StateOf(n) : SceneState.Published;
        var written = await TransitionAsync(run, current => Reset(current, state, next, Now) with { Progress = next is null ? 100 : 0 }, cancellationToken)
            .ConfigureAwait(false);
        await _store.ReleaseSceneLeaseAsync(run.SceneId, run.Stage, run.Owner, CancellationToken.None).ConfigureAwait(false);
        return written is null ? null : new QueueOutcome(written, next);
    }

    /// <summary>
    /// Records that the stage failed with <paramref name="error"/> and releases the lease. Invalid input rejects the
    /// scene (no retries); a transient fault leaves it in the stage with the error and a retry delay until
    /// <see cref="SceneStateOptions.MaxAttempts"/>, then fails it. A cancelled run (shutdown) records nothing, so the
    /// stage runs again when its job does.
    /// </summary>
    public async Task<StageFailure> FailStageAsync(StageRun run, Exception error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(error);
        TimeSpan? retryAfter = null;
        SceneRecord? written = null;
        if (error is not OperationCanceledException || run.LeaseLost)
        {
            var reason = $"{SceneStages.QueueName(run.Stage)}: {OneLine(error)}";
            written = await TransitionAsync(run, current =>
            {
                if (IsInvalidInput(error))
                {
                    retryAfter = null;
                    return current with { State = SceneState.Rejected, Reason = reason, Retryable = false, UpdatedAt = Now };
                }

                if (current.Attempts < Options.MaxAttempts)
                {
                    retryAfter = Options.RetryDelayFor(current.Attempts);
                    return current with { Reason = $"attempt {current.Attempts}/{Options.MaxAttempts}: {reason}", Retryable = true, UpdatedAt = Now };
                }

                retryAfter = null;
                return current with { State = SceneState.Failed, Reason = reason, Retryable = true, UpdatedAt = Now };
            }, cancellationToken).ConfigureAwait(false);
        }

        await _store.ReleaseSceneLeaseAsync(run.SceneId, run.Stage, run.Owner, CancellationToken.None).ConfigureAwait(false);
        return new StageFailure(written, written is null ? null : retryAfter);
    }

    /// <summary>Whether a failure is the input's fault (never retried): an invalid scene, anywhere in the chain.</summary>
    public static bool IsInvalidInput(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is InvalidSceneException)
            {
                return true;
            }
        }

        return error is AggregateException aggregate && aggregate.InnerExceptions.Any(IsInvalidInput);
    }

    internal async Task<bool> RenewLeaseAsync(StageRun run, CancellationToken cancellationToken)
    {
        var now = Now;
        return await _store.TryAcquireSceneLeaseAsync(new SceneLease(run.SceneId, run.Stage, run.Owner, now + Options.LeaseDuration), now, cancellationToken)
            .ConfigureAwait(false);
    }

    internal Task WriteProgressAsync(StageRun run, double percent, CancellationToken cancellationToken) =>
        TransitionAsync(run, current => current with { Progress = Math.Max(current.Progress, percent), UpdatedAt = Now }, cancellationToken);

    /// <summary>Applies <paramref name="change"/> while the record is still in the run's stage; null when it is not.</summary>
    private async Task<SceneRecord?> TransitionAsync(StageRun run, Func<SceneRecord, SceneRecord> change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < CasAttempts; attempt++)
        {
            var current = await _store.GetSceneRecordAsync(run.SceneId, cancellationToken).ConfigureAwait(false);
            if (current is null || current.State != SceneStages.StateOf(run.Stage))
            {
                return null;
            }

            if (await TryWriteAsync(change(current), current, cancellationToken).ConfigureAwait(false) is { } written)
            {
                return written;
            }
        }

        throw Contended(run.SceneId);
    }

    private async Task<SceneRecord?> TryWriteAsync(SceneRecord next, SceneRecord current, CancellationToken cancellationToken) =>
        await _store.TryUpdateSceneRecordAsync(next, current.Version, cancellationToken).ConfigureAwait(false)
            ? next with { Version = current.Version + 1 }
            : null;

    private static SceneRecord Reset(SceneRecord current, SceneState state, SceneStage? stage, DateTime now) => current with
    {
        State = state, Stage = stage, Progress = 0, Reason = null, Retryable = null, Attempts = 0, UpdatedAt = now,
    };

    private static string OneLine(Exception error) =>
        (error is AggregateException { InnerExceptions.Count: 1 } one ? one.InnerExceptions[0] : error).Message.ReplaceLineEndings(" ").Trim();

    private static InvalidOperationException Contended(string sceneId) =>
        new($"scene '{sceneId}': the record kept changing under {CasAttempts} attempts to update it");
}
