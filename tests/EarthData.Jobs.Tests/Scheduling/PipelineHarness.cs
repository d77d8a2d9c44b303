using EarthData.Core.Sources;
using EarthData.Core.Storage;
using EarthData.Jobs.Pipeline;
using EarthData.Jobs.Scheduling;
using EarthData.Jobs.Sources;
using EarthData.Jobs.Stages;
using EarthData.Jobs.State;

namespace EarthData.Jobs.Tests.Scheduling;

/// <summary>The pipeline of the embedded shape on a <see cref="LocalTarget"/>, with stages run inline: drop folder, staging, stages.</summary>
internal sealed class PipelineHarness : IDisposable
{
    private PipelineHarness(LocalTarget target, Func<IObjectStore, IObjectStore>? wrap, IReadOnlyList<ISceneSource> sources)
    {
        var objects = wrap?.Invoke(target.Objects) ?? target.Objects;
        Target = target;
        Drop = Directory.CreateDirectory(Path.Combine(target.Root, "drop")).FullName;
        Workspace = new SceneWorkspace(Path.Combine(target.Root, "staging"));
        var handoff = new SceneHandoff(objects);
        Sources = new SceneSources([new ArchiveFolderSource(Drop) { SettleTime = TimeSpan.Zero }, .. sources]);
        State = new SceneStateService(target.Catalog, new SceneStateOptions { RetryDelay = TimeSpan.FromMilliseconds(50), MaxAttempts = 3 });
        var processing = new SceneProcessingOptions { Threads = 2, Layers = [Imaging.Layers.LayerDefinition.TrueColor] };
        Scheduler = new InlineSceneJobScheduler();
        AlertHook = new RecordingAlertHook(State);
        Pipeline = new ScenePipeline(State,
        [
            new IngestStage(Sources, handoff, Workspace, 4),
            new ProcessStage(handoff, Workspace, processing, 4),
            new TileStage(handoff, Workspace, processing, 4),
            new PublishStage(handoff, Workspace, new ScenePublisher(objects, target.Catalog, target.Options)),
        ], Scheduler, AlertHook);
        Intake = new SceneIntake(Sources, State, Scheduler);
        Discovery = new SceneDiscovery(Intake, objects, new SceneRecovery(target.Catalog, Scheduler));
    }

    public LocalTarget Target { get; }

    public string Drop { get; }

    public SceneWorkspace Workspace { get; }

    public SceneSources Sources { get; }

    public SceneStateService State { get; }

    public InlineSceneJobScheduler Scheduler { get; }

    public ScenePipeline Pipeline { get; }

    public RecordingAlertHook AlertHook { get; }

    public SceneIntake Intake { get; }

    public SceneDiscovery Discovery { get; }

    /// <summary>
    /// Creates the harness; <paramref name="wrap"/> can put a fault injector between the stages and the store, and
    /// <paramref name="sources"/> come after the drop folder.
    /// </summary>
    public static async Task<PipelineHarness> CreateAsync(Func<IObjectStore, IObjectStore>? wrap = null, params ISceneSource[] sources) =>
        new(await LocalTarget.CreateAsync(), wrap, sources);

    /// <summary>Copies a generated scene folder into the drop folder (flat); returns its path there.</summary>
    public string DropScene(string sceneDirectory)
    {
        var target = Path.Combine(Drop, Path.GetFileName(sceneDirectory));
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(sceneDirectory))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }

        return target;
    }

    public void Dispose() => Target.Dispose();
}
