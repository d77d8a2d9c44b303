using EarthData.Alerts.Stores;
using EarthData.Core.Catalog;
using EarthData.Jobs.Background;
using EarthData.Storage.Catalog;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.States;

namespace EarthData.Jobs.Tests.Alerts;

/// <summary>
/// Which pending evaluations <see cref="EvaluationRecovery"/> re-enqueues, by the fate of the job the alert store names
/// for them (hermetic: Hangfire's in-memory storage, a SQLite catalogue in a temporary file).
/// </summary>
public sealed class EvaluationRecoveryTests : IDisposable
{
    private const string Scene = "CBERS4_MUX_20240310_151_121_L4";
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("earthdata-recovery-");
    private readonly InMemoryStorage _storage = new();
    private readonly InMemoryAlertStore _alerts = new();
    private readonly SqliteCatalogStore _catalog;

    public EvaluationRecoveryTests()
    {
        _catalog = new SqliteCatalogStore(Path.Combine(_root.FullName, "catalog.db"));
        _catalog.MigrateAsync().GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        _storage.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _root.Delete(recursive: true);
    }

    [Theory]
    [InlineData("Enqueued")]
    [InlineData("Scheduled")]
    [InlineData("Awaiting")]
    [InlineData("Failed")]
    public async Task RequeuePending_LeavesTheEvaluation_WhileItsJobLivesOrFailedForTheOperator(string state)
    {
        await PendingAsync(Job(Scene, state));

        Assert.Empty(await Recovery().RequeuePendingAsync(TimeSpan.Zero, CancellationToken.None));
        Assert.Equal([Scene], await PendingScenesAsync());
    }

    [Fact]
    public async Task RequeuePending_EnqueuesAndNamesANewJob_WhenNoneWasNamed_OrItsJobSucceeded_OrTheIdNamesAnotherJob()
    {
        var other = "CBERS4_MUX_20240311_151_121_L4";
        var third = "CBERS4_MUX_20240312_151_121_L4";
        await PendingAsync(null);
        await PendingAsync(Job(other, SucceededState.StateName), other);
        await PendingAsync(Job(Scene, EnqueuedState.StateName), third); // a restarted in-memory storage reused the id

        var requeued = await Recovery().RequeuePendingAsync(TimeSpan.Zero, CancellationToken.None);

        Assert.Equal([Scene, other, third], requeued);
        var pending = await _alerts.ListPendingEvaluationsAsync(DateTimeOffset.MaxValue, CancellationToken.None);
        using var connection = _storage.GetConnection();
        Assert.All(pending, p =>
        {
            var data = connection.GetJobData(p.JobId!);
            Assert.Equal((typeof(EvaluateAlerts), p.SceneId, EnqueuedState.StateName), (data.Job.Type, (string)data.Job.Args[0], data.State));
        });

        // Now each has a live job: a second round (the next sweep, or start-up after it) enqueues nothing.
        Assert.Empty(await Recovery().RequeuePendingAsync(TimeSpan.Zero, CancellationToken.None));
    }

    [Fact]
    public async Task RequeuePending_MarksTheEvaluationDone_WhenAnOperatorDeletedItsJob()
    {
        await PendingAsync(Job(Scene, DeletedState.StateName));

        Assert.Empty(await Recovery().RequeuePendingAsync(TimeSpan.Zero, CancellationToken.None));
        Assert.Empty(await PendingScenesAsync());
    }

    [Fact]
    public async Task RequeuePending_SkipsEvaluationsYoungerThanTheAge_AndScenesStillBeingPublished()
    {
        await PendingAsync(null);
        await _alerts.MarkEvaluationPendingAsync("CBERS4_MUX_20240311_151_121_L4", CancellationToken.None);
        await Insert("CBERS4_MUX_20240311_151_121_L4", SceneState.Publishing);

        Assert.Empty(await Recovery().RequeuePendingAsync(TimeSpan.FromHours(1), CancellationToken.None));
        Assert.Equal([Scene], await Recovery().RequeuePendingAsync(TimeSpan.Zero, CancellationToken.None));
    }

    private EvaluationRecovery Recovery() => new(_alerts, _catalog, new BackgroundJobClient(_storage), _storage);

    private async Task<IEnumerable<string>> PendingScenesAsync() =>
        (await _alerts.ListPendingEvaluationsAsync(DateTimeOffset.MaxValue, CancellationToken.None)).Select(p => p.SceneId);

    /// <summary>Scene <paramref name="sceneId"/> published with its evaluation pending, naming job <paramref name="jobId"/>.</summary>
    private async Task PendingAsync(string? jobId, string sceneId = Scene)
    {
        await Insert(sceneId, SceneState.Published);
        await _alerts.MarkEvaluationPendingAsync(sceneId, CancellationToken.None);
        if (jobId is not null)
        {
            await _alerts.AssignEvaluationJobAsync(sceneId, jobId, CancellationToken.None);
        }
    }

    private async Task Insert(string sceneId, SceneState state)
    {
        var now = DateTime.UtcNow;
        await _catalog.TryInsertSceneRecordAsync(new SceneRecord { SceneId = sceneId, State = state, CreatedAt = now, UpdatedAt = now });
    }

    /// <summary>An <see cref="EvaluateAlerts"/> job of <paramref name="sceneId"/> in state <paramref name="state"/>.</summary>
    private string Job(string sceneId, string state)
    {
        var client = new BackgroundJobClient(_storage);
        var id = client.Create(Hangfire.Common.Job.FromExpression<EvaluateAlerts>(j => j.RunAsync(sceneId, CancellationToken.None)), new EnqueuedState("alerts"));
        IState next = state switch
        {
            "Enqueued" => new EnqueuedState("alerts"),
            "Scheduled" => new ScheduledState(TimeSpan.FromMinutes(5)),
            "Awaiting" => new AwaitingState(client.Create(Hangfire.Common.Job.FromExpression<EvaluateAlerts>(j => j.RunAsync("other", CancellationToken.None)), new ScheduledState(TimeSpan.FromHours(1)))),
            "Failed" => new FailedState(new InvalidOperationException("evaluation failed")),
            "Succeeded" => new SucceededState(null, 1, 1),
            "Deleted" => new DeletedState(),
            _ => throw new ArgumentOutOfRangeException(nameof(state)),
        };
        // Straight into the storage: a state changer would let the job's AutomaticRetry turn Failed into Scheduled.
        using var connection = _storage.GetConnection();
        using var transaction = connection.CreateWriteTransaction();
        transaction.SetJobState(id, next);
        transaction.Commit();
        return id;
    }
}
