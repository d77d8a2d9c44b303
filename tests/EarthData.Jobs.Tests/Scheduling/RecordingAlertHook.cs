using System.Collections.Concurrent;
using EarthData.Core.Catalog;
using EarthData.Jobs.Scheduling;
using EarthData.Jobs.State;

namespace EarthData.Jobs.Tests.Scheduling;

/// <summary>An <see cref="ISceneAlertHook"/> that records each call with the scene's state in the catalogue at that moment.</summary>
internal sealed class RecordingAlertHook(SceneStateService state) : ISceneAlertHook
{
    public ConcurrentQueue<(string Call, string SceneId, SceneState? StateThen)> Calls { get; } = new();

    public async Task ScenePublishingAsync(string sceneId, CancellationToken cancellationToken) =>
        Calls.Enqueue(("publishing", sceneId, (await state.GetAsync(sceneId, cancellationToken))?.State));

    public async Task ScenePublishedAsync(SceneRecord record, CancellationToken cancellationToken) =>
        Calls.Enqueue(("published", record.SceneId, (await state.GetAsync(record.SceneId, cancellationToken))?.State));
}
