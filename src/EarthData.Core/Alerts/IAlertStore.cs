namespace EarthData.Core.Alerts;

/// <summary>
/// Where alert events and messages live: the per-area event state the tracker continues from, the messages issued, and
/// the webhook deliveries made (so a re-run sends nothing twice). Implementations are thread-safe.
/// </summary>
public interface IAlertStore
{
    /// <summary>The state of <paramref name="hazard"/> on <paramref name="areaKey"/>, or null when never observed.</summary>
    Task<EventState?> GetStateAsync(string areaKey, Hazard hazard, CancellationToken cancellationToken);

    /// <summary>Saves the state and, when given, the message issued with it, together.</summary>
    Task SaveAsync(EventState state, AlertMessage? message, CancellationToken cancellationToken);

    /// <summary>One message by id, or null.</summary>
    Task<AlertMessage?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Messages matching <paramref name="query"/>, newest first.</summary>
    Task<IReadOnlyList<AlertMessage>> ListAsync(AlertQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Records that webhook message <paramref name="claim"/> is being delivered; false when it already was (then the
    /// caller sends nothing). Of concurrent claimants of one id, exactly one gets true.
    /// </summary>
    Task<bool> TryClaimDeliveryAsync(WebhookClaim claim, CancellationToken cancellationToken);

    /// <summary>
    /// Drops the claim of a delivery not completed (its hand-off to the job storage failed), so the next dispatch of the
    /// message claims and sends it; no effect on a completed delivery or an unknown id.
    /// </summary>
    Task ReleaseDeliveryAsync(string webhookId, CancellationToken cancellationToken);

    /// <summary>Records that the claimed delivery is over (delivered, gone, given up, or nothing left to send).</summary>
    Task CompleteDeliveryAsync(string webhookId, CancellationToken cancellationToken);

    /// <summary>Claimed deliveries not completed, oldest first: what a restart that lost its job queue must send again.</summary>
    Task<IReadOnlyList<WebhookClaim>> ListPendingDeliveriesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Records that scene <paramref name="sceneId"/> awaits alert evaluation (written before its publish commits, so a
    /// published scene is always pending or evaluated); marking a scene again makes it pending again, with no job assigned.
    /// </summary>
    Task MarkEvaluationPendingAsync(string sceneId, CancellationToken cancellationToken);

    /// <summary>
    /// Records that job <paramref name="jobId"/> of the job storage now carries the pending evaluation of
    /// <paramref name="sceneId"/> (the last assignment wins); no effect when the scene is not pending.
    /// </summary>
    Task AssignEvaluationJobAsync(string sceneId, string jobId, CancellationToken cancellationToken);

    /// <summary>Records that the evaluation of <paramref name="sceneId"/> is over (idempotent; a scene never marked stays unknown).</summary>
    Task CompleteEvaluationAsync(string sceneId, CancellationToken cancellationToken);

    /// <summary>
    /// Scenes marked pending before <paramref name="markedBefore"/> and not completed, oldest mark first: what a restart
    /// that lost its job queue, or the periodic sweep for enqueues lost to a crash, must evaluate.
    /// </summary>
    Task<IReadOnlyList<PendingEvaluation>> ListPendingEvaluationsAsync(DateTimeOffset markedBefore, CancellationToken cancellationToken);
}
