using EarthData.Core.Catalog;

namespace EarthData.Jobs.Stages;

/// <summary>
/// The work of one pipeline stage. A stage takes only the scene's record (ids and source), reads what the previous
/// stage left in the object store (<see cref="SceneHandoff"/>), and is safe to run twice: it skips work whose outputs
/// are complete and writes its objects before the marker that makes them visible to the next stage.
/// </summary>
public interface IPipelineStage
{
    /// <summary>Which stage this is.</summary>
    SceneStage Stage { get; }

    /// <summary>Runs the stage for the scene of <paramref name="record"/>.</summary>
    /// <exception cref="Core.InvalidSceneException">The input is invalid (the scene is rejected, not retried).</exception>
    Task RunAsync(SceneRecord record, IProgress<double> progress, CancellationToken cancellationToken);
}
