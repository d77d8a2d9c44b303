using EarthData.Core.Catalog;
using EarthData.Jobs.Scheduling;
using EarthData.Jobs.Stages;
using EarthData.Jobs.State;

namespace EarthData.Jobs.Tests.Scheduling;

/// <summary>Whole scenes through the four stages, handing off through a real filesystem store, on a real SQLite catalogue.</summary>
public sealed class ScenePipelineTests(PublishScenesFixture scenes) : IClassFixture<PublishScenesFixture>
{
    [Fact]
    public async Task Queue_DroppedScene_IsPublishedOnceAndTheHandOffAndStagingAreCleaned()
    {
        using var harness = await PipelineHarness.CreateAsync();
        var folder = harness.DropScene(scenes.MuxDirectory);
        var id = Path.GetFileName(folder);

        var outcome = await harness.Intake.QueueAsync(id);
        await harness.Scheduler.RunAsync(harness.Pipeline, CancellationToken.None);

        Assert.True(outcome.Accepted);
        var record = await harness.State.GetAsync(id);
        Assert.Equal(SceneState.Published, record!.State);
        Assert.Equal(100, record.Progress);
        Assert.NotNull(await harness.Target.Catalog.GetItemAsync("CBERS4-MUX", id));
        Assert.Empty(await harness.Target.KeysAsync(SceneHandoff.Prefix(id)));
        Assert.NotEmpty(await harness.Target.KeysAsync($"tiles/CBERS4-MUX/{id}/true-color/"));
        Assert.True(await harness.Target.Objects.ExistsAsync($"cogs/CBERS4-MUX/{id}/visual.tif"));
        Assert.False(Directory.Exists(harness.Workspace.WorkOf(id)));
        Assert.False(Directory.Exists(harness.Workspace.SourceOf(id)));
        // The alert hook hears of the publish before its commit (to record the evaluation as pending) and after it.
        Assert.Equal<(string, string, SceneState?)>([("publishing", id, SceneState.Publishing), ("published", id, SceneState.Published)], harness.AlertHook.Calls);
    }

    [Fact]
    public async Task Queue_DroppedScene_RecordsEachStagesOwnTime_OnThePipelineMeter()
    {
        var measured = new System.Collections.Concurrent.ConcurrentBag<(string Stage, string Outcome, double Seconds)>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == PipelineMetrics.MeterName && instrument.Name == PipelineMetrics.StageDurationName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            var named = tags.ToArray().ToDictionary(t => t.Key, t => t.Value as string);
            measured.Add((named["stage"]!, named["outcome"]!, value));
        });
        listener.Start();
        using var harness = await PipelineHarness.CreateAsync();
        var id = Path.GetFileName(harness.DropScene(scenes.MuxDirectory));
        await harness.Intake.QueueAsync(id);

        var wall = System.Diagnostics.Stopwatch.StartNew();
        await harness.Scheduler.RunAsync(harness.Pipeline, CancellationToken.None);
        wall.Stop();

        Assert.Equal(SceneState.Published, (await harness.State.GetAsync(id))!.State);
        foreach (var stage in new[] { "ingest", "process", "tile", "publish" })
        {
            // Other tests of this assembly may run scenes at the same time: each stage ran at least once here.
            Assert.Contains(measured, m => m.Stage == stage && m.Outcome == "succeeded" && m.Seconds > 0 && m.Seconds <= wall.Elapsed.TotalSeconds);
        }
    }

    [Fact]
    public async Task Stages_WithTheLocalCacheLost_RebuildFromTheStore()
    {
        using var harness = await PipelineHarness.CreateAsync();
        var id = Path.GetFileName(harness.DropScene(scenes.MuxDirectory));
        await harness.Intake.QueueAsync(id);
        await harness.Pipeline.RunStageAsync(id, SceneStage.Ingest, CancellationToken.None);
        await harness.Pipeline.RunStageAsync(id, SceneStage.Process, CancellationToken.None);

        // Another machine: nothing of this one's staging cache, not even the drop folder.
        Directory.Delete(harness.Workspace.Root, recursive: true);
        Directory.Delete(harness.Drop, recursive: true);
        await harness.Pipeline.RunStageAsync(id, SceneStage.Tile, CancellationToken.None);
        Directory.Delete(harness.Workspace.Root, recursive: true);
        await harness.Pipeline.RunStageAsync(id, SceneStage.Publish, CancellationToken.None);

        Assert.Equal(SceneState.Published, (await harness.State.GetAsync(id))!.State);
        Assert.NotNull(await harness.Target.Catalog.GetItemAsync("CBERS4-MUX", id));
    }

    [Fact]
    public async Task Ingest_CorruptTiff_RejectsTheSceneWithTheReasonAndNeverRetries()
    {
        using var harness = await PipelineHarness.CreateAsync();
        var folder = harness.DropScene(scenes.MuxDirectory);
        var band = Directory.GetFiles(folder, "*_BAND6.tif").Single();
        await File.WriteAllBytesAsync(band, [0x49, 0x49, 0x2A, 0x00, 0x08, 0x00, 0x00, 0x00, 0xFF, 0xFF]);
        var id = Path.GetFileName(folder);

        await harness.Intake.QueueAsync(id);
        await harness.Scheduler.RunAsync(harness.Pipeline, CancellationToken.None);

        var record = await harness.State.GetAsync(id);
        Assert.Equal(SceneState.Rejected, record!.State);
        Assert.Equal(SceneStage.Ingest, record.Stage);
        Assert.False(record.Retryable);
        Assert.Equal(1, record.Attempts);
        Assert.Contains(Path.GetFileName(band), record.Reason, StringComparison.Ordinal);
        Assert.Empty(await harness.Target.KeysAsync(SceneHandoff.Prefix(id)));
    }

    [Fact]
    public async Task Ingest_BandOfTheWrongDataType_IsRejectedNamingTheBand()
    {
        using var harness = await PipelineHarness.CreateAsync();
        var folder = harness.DropScene(scenes.MuxDirectory);
        var band = Directory.GetFiles(folder, "*_BAND7.tif").Single();
        var converted = band + ".f32.tif";
        Assert.Equal(0, Testing.ExternalTool.Run("gdal_translate", "-q", "-ot", "Float32", band, converted).ExitCode);
        File.Move(converted, band, overwrite: true);
        var id = Path.GetFileName(folder);

        await harness.Intake.QueueAsync(id);
        await harness.Scheduler.RunAsync(harness.Pipeline, CancellationToken.None);

        var record = await harness.State.GetAsync(id);
        Assert.Equal(SceneState.Rejected, record!.State);
        Assert.Contains("BAND7.tif is Float32", record.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_StoreFailingTwice_RetriesAndPublishes()
    {
        var failed = 0;
        using var harness = await PipelineHarness.CreateAsync(store => new InterceptingObjectStore(store, (key, _) =>
            key.StartsWith("stac/", StringComparison.Ordinal) && Interlocked.Increment(ref failed) <= 2
                ? throw new Core.Storage.ObjectStoreException(InterceptingObjectStore.FailureMessage)
                : Task.CompletedTask));
        var id = Path.GetFileName(harness.DropScene(scenes.MuxDirectory));

        await harness.Intake.QueueAsync(id);
        await harness.Scheduler.RunAsync(harness.Pipeline, CancellationToken.None);

        var record = await harness.State.GetAsync(id);
        Assert.Equal(SceneState.Published, record!.State);
        Assert.True(failed > 2, "the store failed twice, then a retry went through");
        Assert.Single((await harness.Target.Catalog.SearchAsync(new ItemSearch { Ids = [id] })).Items);
    }

    [Fact]
    public async Task RunStage_TwiceAtOnce_OneRunsTheOtherIsBusyOrSkipped()
    {
        using var harness = await PipelineHarness.CreateAsync();
        var id = Path.GetFileName(harness.DropScene(scenes.MuxDirectory));
        await harness.Intake.QueueAsync(id);
        var other = new SceneStateService(harness.Target.Catalog, new SceneStateOptions { WorkerId = "other" });
        var second = new ScenePipeline(other, [
            new IngestStage(harness.Sources, new SceneHandoff(harness.Target.Objects), harness.Workspace),
            new ProcessStage(new SceneHandoff(harness.Target.Objects), harness.Workspace, new Jobs.Pipeline.SceneProcessingOptions()),
            new TileStage(new SceneHandoff(harness.Target.Objects), harness.Workspace, new Jobs.Pipeline.SceneProcessingOptions()),
            new PublishStage(new SceneHandoff(harness.Target.Objects), harness.Workspace, harness.Target.Publisher()),
        ], new InlineSceneJobScheduler());

        var kinds = await Task.WhenAll(
            Task.Run(() => harness.Pipeline.RunStageAsync(id, SceneStage.Ingest, CancellationToken.None)),
            Task.Run(() => second.RunStageAsync(id, SceneStage.Ingest, CancellationToken.None)));

        Assert.Single(kinds, k => k == StageStartKind.Started);
        Assert.Equal(SceneState.Processing, (await harness.State.GetAsync(id))!.State);
    }
}
