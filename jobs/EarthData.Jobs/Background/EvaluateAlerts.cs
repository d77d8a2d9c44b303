using EarthData.Core.Alerts;
using EarthData.Core.Scenes;
using EarthData.Jobs.Alerts;
using EarthData.Jobs.Sources;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace EarthData.Jobs.Background;

/// <summary>
/// The job of the <c>alerts</c> queue, enqueued by <see cref="HangfireAlertHook"/> once a scene is published: finds the
/// archive-layout folder source that holds the scene (its earlier passes, the baselines' history, are beside it there)
/// and runs <see cref="AlertEvaluator"/> on it. Safe to run twice: the evaluator skips a scene an area already saw,
/// and a webhook message is claimed once. The scene's pending evaluation (see <see cref="HangfireAlertHook"/>) is marked
/// done once it is over, evaluated or found not evaluable; a failure leaves it pending, is logged and retried by
/// Hangfire (three more attempts), and a restart or the periodic sweep re-enqueues it (<see cref="EvaluationRecovery"/>). The scene stays
/// published whatever happens here.
/// </summary>
[Queue(SceneQueues.Alerts)]
public sealed partial class EvaluateAlerts(AlertEvaluator evaluator, ISubscriptionStore subscriptions, IAlertStore alerts, SceneSources sources,
    ILogger<EvaluateAlerts> logger)
{
    /// <summary>Evaluates the subscriptions' hazards on scene <paramref name="sceneId"/>.</summary>
    /// <returns>
    /// One line per hazard evaluated (<c>sub_x flood: Alert flood-….v1</c>, or why nothing was issued); empty when nothing
    /// was evaluated. Hangfire keeps it as the job's result, so it is a summary, never the pixel masks.
    /// </returns>
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [30, 300, 1800])]
    // One evaluation at a time across all workers (a distributed lock of the job storage): an evaluation reads, updates
    // and saves the event state of each subscription area, and two scenes of one footprint published together (a
    // before/after pair) would otherwise race on that state and lose one update.
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [JobDisplayName("EvaluateAlerts {0}")]
    public async Task<IReadOnlyList<string>> RunAsync(string sceneId, CancellationToken cancellationToken)
    {
        var summary = await EvaluateAsync(sceneId, cancellationToken).ConfigureAwait(false);
        await alerts.CompleteEvaluationAsync(sceneId, cancellationToken).ConfigureAwait(false);
        return summary;
    }

    private async Task<IReadOnlyList<string>> EvaluateAsync(string sceneId, CancellationToken cancellationToken)
    {
        if (!SceneId.TryParse(sceneId, out var id))
        {
            LogNotEvaluated(logger, sceneId, "not a scene id");
            return [];
        }

        if ((await subscriptions.ListAsync(cancellationToken).ConfigureAwait(false)).Count == 0)
        {
            return [];
        }

        var root = await ArchiveRootAsync(id, cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            LogNotEvaluated(logger, sceneId, "no archive-layout folder source holds it (alerts compare it with the earlier passes beside it)");
            return [];
        }

        try
        {
            var outcomes = await evaluator.EvaluateAsync(root, id, cancellationToken).ConfigureAwait(false);
            var issued = outcomes.Count(o => o.Message is not null);
            LogEvaluated(logger, sceneId, outcomes.Count, issued);
            return [.. outcomes.Select(Summary)];
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, ex, sceneId);
            throw;
        }
    }

    private static string Summary(EvaluationOutcome outcome)
    {
        var hazard = outcome.Hazard.ToString().ToLowerInvariant();
        return outcome.Message is { } message
            ? $"{outcome.SubscriptionId} {hazard}: {message.MessageType} {message.Id}"
            : $"{outcome.SubscriptionId} {hazard}: nothing issued{(outcome.Note is null ? string.Empty : " (" + outcome.Note + ")")}";
    }

    private async Task<string?> ArchiveRootAsync(SceneId id, CancellationToken cancellationToken)
    {
        foreach (var source in sources.All.OfType<ArchiveFolderSource>())
        {
            var location = await source.LocateAsync(id, cancellationToken).ConfigureAwait(false);
            if (location is not null && string.Equals(location, ArchiveLayout.SceneDirectory(source.Root, id), StringComparison.Ordinal))
            {
                return source.Root;
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "alerts {Scene}: {Evaluated} hazard evaluation(s), {Issued} message(s) issued")]
    private static partial void LogEvaluated(ILogger logger, string scene, int evaluated, int issued);

    [LoggerMessage(Level = LogLevel.Warning, Message = "alerts {Scene}: not evaluated: {Reason}")]
    private static partial void LogNotEvaluated(ILogger logger, string scene, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "alerts {Scene}: evaluation failed; Hangfire retries it")]
    private static partial void LogFailed(ILogger logger, Exception exception, string scene);
}
