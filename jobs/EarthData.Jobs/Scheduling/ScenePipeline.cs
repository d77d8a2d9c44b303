using System.Diagnostics;
using EarthData.Core.Catalog;
using EarthData.Jobs.Stages;
using EarthData.Jobs.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EarthData.Jobs.Scheduling;

/// <summary>
/// Runs one stage of one scene the way every job does: begin it through the scene-state service (lease + record), do
/// the stage's work, record the outcome, and put the next stage (or the retry) on its queue. Safe to call twice for
/// the same stage — a second call finds the stage busy (and re-schedules itself for when the lease lapses) or already
/// done (and does nothing).
/// </summary>
public sealed partial class ScenePipeline
{
    private readonly SceneStateService _state;
    private readonly Dictionary<SceneStage, IPipelineStage> _stages;
    private readonly ISceneJobScheduler _scheduler;
    private readonly ISceneAlertHook _alerts;
    private readonly ILogger _logger;

    /// <summary>Creates the pipeline.</summary>
    /// <param name="state">The scene-state owner.</param>
    /// <param name="stages">One implementation per stage.</param>
    /// <param name="scheduler">Where next stages and retries go.</param>
    /// <param name="alerts">Called when a scene is published.</param>
    /// <param name="logger">Stage outcomes.</param>
    public ScenePipeline(SceneStateService state, IEnumerable<IPipelineStage> stages, ISceneJobScheduler scheduler, ISceneAlertHook? alerts = null,
        ILogger<ScenePipeline>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(stages);
        ArgumentNullException.ThrowIfNull(scheduler);
        _state = state;
        _stages = stages.ToDictionary(s => s.Stage);
        var missing = SceneStages.All.Where(s => !_stages.ContainsKey(s)).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"no implementation of stage(s) {string.Join(", ", missing)}", nameof(stages));
        }

        _scheduler = scheduler;
        _alerts = alerts ?? new NoAlertSubscribers();
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>The scene-state owner.</summary>
    public SceneStateService State => _state;

    /// <summary>Runs <paramref name="stage"/> of a scene (see the class summary).</summary>
    /// <returns>What happened.</returns>
    public async Task<StageStartKind> RunStageAsync(string sceneId, SceneStage stage, CancellationToken cancellationToken)
    {
        var start = await _state.BeginStageAsync(sceneId, stage, cancellationToken).ConfigureAwait(false);
        if (start.Kind == StageStartKind.Busy)
        {
            LogBusy(_logger, sceneId, stage, start.RetryAfter);
            _scheduler.Schedule(stage, sceneId, start.RetryAfter);
            return start.Kind;
        }

        if (start.Run is not { } run)
        {
            LogSkipped(_logger, sceneId, stage, start.Record?.State);
            return start.Kind;
        }

        await using (run.ConfigureAwait(false))
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await _stages[stage].RunAsync(start.Record!, run.Progress, run.CancellationToken).ConfigureAwait(false);
                var elapsed = Stopwatch.GetElapsedTime(started);
                PipelineMetrics.StageRan(stage, elapsed, succeeded: true);
                LogRan(_logger, sceneId, stage, elapsed.TotalSeconds);
            }
            catch (Exception ex)
            {
                PipelineMetrics.StageRan(stage, Stopwatch.GetElapsedTime(started), succeeded: false);
                var failure = await _state.FailStageAsync(run, ex, CancellationToken.None).ConfigureAwait(false);
                if (failure.RetryAfter is { } delay)
                {
                    LogRetry(_logger, ex, sceneId, stage, failure.Record?.Attempts ?? 0, delay);
                    _scheduler.Schedule(stage, sceneId, delay);
                }
                else if (failure.Record is { } record)
                {
                    LogFailed(_logger, ex, sceneId, stage, record.State, record.Reason);
                }

                if (ex is OperationCanceledException && cancellationToken.IsCancellationRequested)
                {
                    throw;
                }

                return start.Kind;
            }

            await run.DisposeAsync().ConfigureAwait(false);
            if (stage == SceneStage.Publish)
            {
                // Before the commit: a scene published is then always pending evaluation or evaluated, whenever the process stops.
                await _alerts.ScenePublishingAsync(sceneId, CancellationToken.None).ConfigureAwait(false);
            }

            var outcome = await _state.CompleteStageAsync(run, CancellationToken.None).ConfigureAwait(false);
            if (outcome?.Enqueue is { } next)
            {
                _scheduler.Enqueue(next, sceneId);
            }
            else if (outcome is { Record.State: SceneState.Published } published)
            {
                LogPublished(_logger, sceneId);
                // The evaluation first: cleaning is only space, and nothing that happens to it may delay or lose an alert.
                await _alerts.ScenePublishedAsync(published.Record, CancellationToken.None).ConfigureAwait(false);
                if (_stages[SceneStage.Publish] is PublishStage publish)
                {
                    await CleanAsync(publish, sceneId).ConfigureAwait(false);
                }
            }
        }

        return start.Kind;
    }

    private async Task CleanAsync(PublishStage publish, string sceneId)
    {
        try
        {
            await publish.CleanAsync(sceneId, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Core.Storage.ObjectStoreException)
        {
            // The scene is published; leftovers in work/ and staging/ are only space.
            LogCleanFailed(_logger, ex, sceneId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Scene} {Stage} ran in {Seconds:0.000} s")]
    private static partial void LogRan(ILogger logger, string scene, SceneStage stage, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Scene} {Stage}: another worker holds the lease; trying again in {Delay}")]
    private static partial void LogBusy(ILogger logger, string scene, SceneStage stage, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Scene} {Stage}: nothing to do (scene is {State})")]
    private static partial void LogSkipped(ILogger logger, string scene, SceneStage stage, SceneState? state);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Scene} {Stage} failed (attempt {Attempt}); retrying in {Delay}")]
    private static partial void LogRetry(ILogger logger, Exception error, string scene, SceneStage stage, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Scene} {Stage}: {State}: {Reason}")]
    private static partial void LogFailed(ILogger logger, Exception error, string scene, SceneStage stage, SceneState state, string? reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Scene} published")]
    private static partial void LogPublished(ILogger logger, string scene);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Scene}: cleaning the hand-off objects and staging cache failed")]
    private static partial void LogCleanFailed(ILogger logger, Exception error, string scene);
}
