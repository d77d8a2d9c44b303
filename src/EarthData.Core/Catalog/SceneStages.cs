namespace EarthData.Core.Catalog;

/// <summary>How stages and states relate: the one table every caller uses instead of its own switch.</summary>
public static class SceneStages
{
    /// <summary>The stages in pipeline order.</summary>
    public static IReadOnlyList<SceneStage> All { get; } = [SceneStage.Ingest, SceneStage.Process, SceneStage.Tile, SceneStage.Publish];

    /// <summary>The state a scene is in while <paramref name="stage"/> is queued or running.</summary>
    public static SceneState StateOf(SceneStage stage) => stage switch
    {
        SceneStage.Ingest => SceneState.Ingesting,
        SceneStage.Process => SceneState.Processing,
        SceneStage.Tile => SceneState.Tiling,
        SceneStage.Publish => SceneState.Publishing,
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };

    /// <summary>The stage a scene in <paramref name="state"/> waits for or runs; null for Published, Failed and Rejected.</summary>
    /// <remarks><see cref="SceneState.Queued"/> waits for <see cref="SceneStage.Ingest"/>.</remarks>
    public static SceneStage? StageOf(SceneState state) => state switch
    {
        SceneState.Queued or SceneState.Ingesting => SceneStage.Ingest,
        SceneState.Processing => SceneStage.Process,
        SceneState.Tiling => SceneStage.Tile,
        SceneState.Publishing => SceneStage.Publish,
        _ => null,
    };

    /// <summary>The stage after <paramref name="stage"/>, or null after publishing.</summary>
    public static SceneStage? Next(SceneStage stage) => stage == SceneStage.Publish ? null : stage + 1;

    /// <summary>The lower-case name used for queues, leases and records: <c>ingest</c>, <c>process</c>, <c>tile</c>, <c>publish</c>.</summary>
    public static string QueueName(SceneStage stage) => stage switch
    {
        SceneStage.Ingest => "ingest",
        SceneStage.Process => "process",
        SceneStage.Tile => "tile",
        SceneStage.Publish => "publish",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };

    /// <summary>Parses a stage name (any case); null when it names none.</summary>
    public static SceneStage? Parse(string? name) =>
        Enum.TryParse<SceneStage>(name, ignoreCase: true, out var stage) && Enum.IsDefined(stage) && name is { Length: > 0 } && !char.IsAsciiDigit(name[0])
            ? stage
            : null;

    /// <summary>Whether a scene in <paramref name="state"/> is still on its way (queued or in a stage).</summary>
    public static bool IsActive(SceneState state) => StageOf(state) is not null;
}
