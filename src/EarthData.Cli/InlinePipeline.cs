using EarthData.Jobs.Scheduling;
using EarthData.Jobs.Sources;
using EarthData.Jobs.Stages;
using EarthData.Jobs.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EarthData.Cli;

/// <summary>
/// The pipeline wired to run stages in this process instead of on a job queue: <c>publish</c> always, and <c>ingest</c>
/// with the embedded in-memory job storage (which only its own process could serve). Same state service, same stages,
/// same leases as the workers.
/// </summary>
internal sealed class InlinePipeline
{
    public InlinePipeline(IServiceProvider services)
    {
        Scheduler = new InlineSceneJobScheduler();
        State = services.GetRequiredService<SceneStateService>();
        Pipeline = new ScenePipeline(State, services.GetServices<IPipelineStage>(), Scheduler, services.GetRequiredService<ISceneAlertHook>(),
            services.GetRequiredService<ILogger<ScenePipeline>>());
        Intake = new SceneIntake(services.GetRequiredService<SceneSources>(), State, Scheduler);
    }

    public InlineSceneJobScheduler Scheduler { get; }

    public SceneStateService State { get; }

    public ScenePipeline Pipeline { get; }

    public SceneIntake Intake { get; }

    /// <summary>Runs every queued stage (and retry) to the end.</summary>
    public Task RunAsync(CancellationToken cancellationToken) => Task.Run(() => Scheduler.RunAsync(Pipeline, cancellationToken), cancellationToken);
}
