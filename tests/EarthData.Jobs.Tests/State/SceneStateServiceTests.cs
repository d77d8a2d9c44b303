using EarthData.Core;
using EarthData.Core.Catalog;
using EarthData.Core.Scenes;
using EarthData.Jobs.State;
using EarthData.Testing;

namespace EarthData.Jobs.Tests.State;

/// <summary>The scene-state owner against a real SQLite catalogue (the conformance suite covers PostgreSQL's statements).</summary>
public sealed class SceneStateServiceTests : IDisposable
{
    private static readonly SceneId Scene = SceneId.Parse("CBERS_4_MUX_20170528_090_084_L2");
    private readonly LocalTarget _target = LocalTarget.CreateAsync().GetAwaiter().GetResult();
    private readonly ManualTime _time = new(new DateTimeOffset(2024, 3, 10, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => _target.Dispose();

    private SceneStateService Service(string worker = "w1", int maxAttempts = 3) =>
        new(_target.Catalog, new SceneStateOptions { WorkerId = worker, MaxAttempts = maxAttempts, LeaseDuration = TimeSpan.FromMinutes(1), RetryDelay = TimeSpan.FromSeconds(10) }, _time);

    [Fact]
    public async Task QueueAsync_NewScene_RecordsQueuedWithSourceAndCollection_AndAsksForIngest()
    {
        var outcome = await Service().QueueAsync(Scene, "/drop/x");

        Assert.Equal(SceneStage.Ingest, outcome.Enqueue);
        var record = await _target.Catalog.GetSceneRecordAsync(Scene.ToString());
        Assert.Equal(SceneState.Queued, record!.State);
        Assert.Equal("CBERS4-MUX", record.Collection);
        Assert.Equal("/drop/x", record.Source);
        Assert.Equal(1, record.Version);
    }

    [Fact]
    public async Task QueueAsync_TenConcurrentCalls_OneRecordAndOneEnqueue()
    {
        var service = Service();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => service.QueueAsync(Scene, "/drop/x"))));

        Assert.Single(outcomes, o => o.Accepted);
        Assert.Single((await _target.Catalog.ListSceneRecordsAsync(new SceneRecordQuery())).Records);
    }

    [Fact]
    public async Task QueueAsync_PublishedScene_ReturnsItUnlessForced()
    {
        var service = Service();
        await service.QueueAsync(Scene, "/drop/x");
        await RunAllStagesAsync(service);

        var again = await service.QueueAsync(Scene, "/drop/x");
        var forced = await service.QueueAsync(Scene, "/drop/x", force: true);

        Assert.False(again.Accepted);
        Assert.Equal(SceneState.Published, again.Record.State);
        Assert.Equal(SceneStage.Ingest, forced.Enqueue);
        Assert.Equal(SceneState.Queued, forced.Record.State);
    }

    [Fact]
    public async Task Stages_RunInOrder_EachCompletionAdvancesAndResetsAttempts()
    {
        var service = Service();
        await service.QueueAsync(Scene, "/drop/x");

        var states = await RunAllStagesAsync(service);

        Assert.Equal([SceneState.Processing, SceneState.Tiling, SceneState.Publishing, SceneState.Published], states);
        var record = await service.GetAsync(Scene.ToString());
        Assert.Equal(0, record!.Attempts);
        Assert.Equal(100, record.Progress);
        Assert.Null(await _target.Catalog.GetSceneLeaseAsync(Scene.ToString(), SceneStage.Publish));
    }

    [Fact]
    public async Task BeginStage_NotThisStagesTurn_IsSkipped()
    {
        var service = Service();
        await service.QueueAsync(Scene, "/drop/x");

        var start = await service.BeginStageAsync(Scene.ToString(), SceneStage.Tile);

        Assert.Equal(StageStartKind.Skipped, start.Kind);
        Assert.Null(await _target.Catalog.GetSceneLeaseAsync(Scene.ToString(), SceneStage.Tile));
    }

    [Fact]
    public async Task BeginStage_LeaseHeldByAnotherWorker_IsBusyUntilItLapses()
    {
        var first = Service("w1");
        var second = Service("w2");
        await first.QueueAsync(Scene, "/drop/x");
        var running = await first.BeginStageAsync(Scene.ToString(), SceneStage.Ingest);

        var busy = await second.BeginStageAsync(Scene.ToString(), SceneStage.Ingest);
        _time.Advance(TimeSpan.FromMinutes(2));
        var takeover = await second.BeginStageAsync(Scene.ToString(), SceneStage.Ingest);

        Assert.Equal(StageStartKind.Started, running.Kind);
        Assert.Equal(StageStartKind.Busy, busy.Kind);
        Assert.InRange(busy.RetryAfter, TimeSpan.FromSeconds(50), TimeSpan.FromMinutes(1));
        Assert.Equal(StageStartKind.Started, takeover.Kind);
        Assert.Equal(2, takeover.Record!.Attempts);
        await running.Run!.DisposeAsync();
        await takeover.Run!.DisposeAsync();
    }

    [Fact]
    public async Task FailStage_InvalidInput_RejectsWithTheReasonAndNoRetry()
    {
        var service = Service();
        await service.QueueAsync(Scene, "/drop/x");
        var start = await service.BeginStageAsync(Scene.ToString(), SceneStage.Ingest);

        var failure = await service.FailStageAsync(start.Run!, new InvalidSceneException("x.tif is Float32; band 5 is Byte"));

        Assert.Null(failure.RetryAfter);
        Assert.Equal(SceneState.Rejected, failure.Record!.State);
        Assert.Equal(SceneStage.Ingest, failure.Record.Stage);
        Assert.False(failure.Record.Retryable);
        Assert.Equal("ingest: x.tif is Float32; band 5 is Byte", failure.Record.Reason);
        await start.Run!.DisposeAsync();
    }

    [Fact]
    public async Task FailStage_TransientFault_RetriesWithGrowingDelayThenFailsRetryable()
    {
        var service = Service(maxAttempts: 3);
        await service.QueueAsync(Scene, "/drop/x");
        var delays = new List<TimeSpan?>();
        StageFailure failure;
        do
        {
            var start = await service.BeginStageAsync(Scene.ToString(), SceneStage.Ingest);
            Assert.Equal(StageStartKind.Started, start.Kind);
            failure = await service.FailStageAsync(start.Run!, new IOException("store unreachable"));
            await start.Run!.DisposeAsync();
            delays.Add(failure.RetryAfter);
        }
        while (failure.RetryAfter is not null);

        Assert.Equal([TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20), null], delays);
        Assert.Equal(SceneState.Failed, failure.Record!.State);
        Assert.True(failure.Record.Retryable);
        Assert.Equal("ingest: store unreachable", failure.Record.Reason);
    }

    [Fact]
    public async Task RetryAsync_FailedScene_ResumesAtTheFailedStage_AndRejectsOtherStates()
    {
        var service = Service(maxAttempts: 1);
        await service.QueueAsync(Scene, "/drop/x");
        await CompleteAsync(service, SceneStage.Ingest);
        var start = await service.BeginStageAsync(Scene.ToString(), SceneStage.Process);
        await service.FailStageAsync(start.Run!, new IOException("disk full"));
        await start.Run!.DisposeAsync();

        var retried = await service.RetryAsync(Scene.ToString());

        Assert.Equal(SceneStage.Process, retried.Enqueue);
        Assert.Equal(SceneState.Processing, retried.Record.State);
        Assert.Null(retried.Record.Reason);
        await Assert.ThrowsAsync<SceneStateConflictException>(() => service.RetryAsync(Scene.ToString()));
        await Assert.ThrowsAsync<SceneNotFoundException>(() => service.RetryAsync("CBERS_4_MUX_20170528_090_085_L2"));
    }

    [Fact]
    public async Task CompleteStage_AfterTheSceneWasRequeuedUnderIt_ChangesNothing()
    {
        var service = Service();
        await service.QueueAsync(Scene, "/drop/x");
        var start = await service.BeginStageAsync(Scene.ToString(), SceneStage.Ingest);
        var failure = await service.FailStageAsync(start.Run!, new InvalidSceneException("bad"));
        await service.QueueAsync(Scene, "/drop/y");

        var late = await service.CompleteStageAsync(start.Run!);

        Assert.Equal(SceneState.Rejected, failure.Record!.State);
        Assert.Null(late);
        Assert.Equal(SceneState.Queued, (await service.GetAsync(Scene.ToString()))!.State);
        await start.Run!.DisposeAsync();
    }

    private static async Task CompleteAsync(SceneStateService service, SceneStage stage)
    {
        var start = await service.BeginStageAsync(Scene.ToString(), stage);
        Assert.Equal(StageStartKind.Started, start.Kind);
        await start.Run!.DisposeAsync();
        await service.CompleteStageAsync(start.Run!);
    }

    private static async Task<List<SceneState>> RunAllStagesAsync(SceneStateService service)
    {
        var states = new List<SceneState>();
        foreach (var stage in SceneStages.All)
        {
            await CompleteAsync(service, stage);
            states.Add((await service.GetAsync(Scene.ToString()))!.State);
        }

        return states;
    }
}
