using System.Collections.Concurrent;
using EarthData.Core.Alerts;
using EarthData.Core.Catalog;
using EarthData.Jobs.Background;
using EarthData.Jobs.Sources;
using EarthData.Samples.Synthesis;
using EarthData.Testing;
using Hangfire;
using Hangfire.Common;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.States;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace EarthData.Jobs.Tests.Alerts;

/// <summary>
/// The scale-out shape's lost enqueue, on the real PostgreSQL of tests/run.sh as Hangfire's storage (a schema of its
/// own) with a real <see cref="BackgroundJobServer"/> on the <c>alerts</c> queue: a publish that committed with its
/// evaluation recorded pending and never enqueued (the worker died in between) is evaluated once the recurring sweep
/// runs; a sweep racing a normal enqueue, and a start-up recovery racing a sweep, raise and send nothing twice.
/// </summary>
public sealed class EvaluationSweepPostgresTests
{
    [Fact]
    public async Task Sweep_EvaluatesAPublishedScene_WhoseEnqueueWasLost_RaisingOneAlertAndOneWebhook()
    {
        using var scenario = new AlertScenario(ChangeScenario.Flood, 0, 21);
        await scenario.SubscribeAsync();
        await using var jobs = new PostgresJobs(scenario);
        var sceneId = scenario.After.ToString();
        var hook = new HangfireAlertHook(jobs.Client, scenario.Subscriptions, scenario.Store, NullLogger<HangfireAlertHook>.Instance);

        // The publish stage: recorded pending before the commit, the commit, then the worker is killed before it enqueues.
        await hook.ScenePublishingAsync(sceneId, CancellationToken.None);
        await PublishedAsync(scenario, sceneId);
        Assert.Empty(await jobs.Recovery.RequeuePendingAsync(TimeSpan.FromHours(1), CancellationToken.None)); // too young to sweep
        await Task.Delay(TimeSpan.FromSeconds(1));

        jobs.Recurring.AddOrUpdate<SweepPendingEvaluations>(SweepPendingEvaluations.RecurringJobId, SceneQueues.Alerts,
            j => j.RunAsync(TimeSpan.FromSeconds(1), CancellationToken.None), Cron.Minutely(), new RecurringJobOptions());
        jobs.Recurring.TriggerJob(SweepPendingEvaluations.RecurringJobId);

        Assert.True(await WaitAsync(async () => (await scenario.Store.ListPendingEvaluationsAsync(DateTimeOffset.MaxValue, CancellationToken.None)).Count == 0));
        var alert = Assert.Single(await scenario.Store.ListAsync(new AlertQuery(), CancellationToken.None));
        Assert.Equal((Hazard.Flood, AlertMessageType.Alert), (alert.Hazard, alert.MessageType));
        Assert.True(await WaitAsync(() => Task.FromResult(!scenario.Receiver.Requests.IsEmpty)));

        // The next sweeps find nothing pending; nothing more is raised or sent.
        jobs.Recurring.TriggerJob(SweepPendingEvaluations.RecurringJobId);
        Assert.Empty(await jobs.Recovery.RequeuePendingAsync(TimeSpan.Zero, CancellationToken.None));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Single(await scenario.Store.ListAsync(new AlertQuery(), CancellationToken.None));
        Assert.Single(scenario.Receiver.Requests);
        Assert.Single(jobs.Created); // the one evaluation the first sweep enqueued
    }

    [Fact]
    public async Task Sweep_RacingTheNormalEnqueue_BothJobsRun_AndOneAlertAndOneWebhookResult()
    {
        using var scenario = new AlertScenario(ChangeScenario.Flood, 0, 21);
        await scenario.SubscribeAsync();
        await using var jobs = new PostgresJobs(scenario);
        var sceneId = scenario.After.ToString();
        await scenario.Store.MarkEvaluationPendingAsync(sceneId, CancellationToken.None);
        var record = await PublishedAsync(scenario, sceneId);

        // The publish's enqueue is held inside the job client until the sweep has enqueued its own job: both run.
        var gated = new GatedJobClient(jobs.Client);
        var hook = new HangfireAlertHook(gated, scenario.Subscriptions, scenario.Store, NullLogger<HangfireAlertHook>.Instance);
        var publishing = Task.Run(() => hook.ScenePublishedAsync(record, CancellationToken.None));
        await gated.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal([sceneId], await jobs.Recovery.RequeuePendingAsync(TimeSpan.Zero, CancellationToken.None));
        gated.Release.Set();
        await publishing;

        var ids = jobs.Created.ToList();
        Assert.Equal(2, ids.Count);
        Assert.True(await WaitAsync(() => Task.FromResult(ids.All(id => jobs.StateOf(id) == SucceededState.StateName))));
        var alert = Assert.Single(await scenario.Store.ListAsync(new AlertQuery(), CancellationToken.None));
        Assert.Equal(AlertMessageType.Alert, alert.MessageType);
        Assert.True(await WaitAsync(() => Task.FromResult(!scenario.Receiver.Requests.IsEmpty)));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(scenario.Receiver.Requests);
        Assert.Empty(await scenario.Store.ListPendingEvaluationsAsync(DateTimeOffset.MaxValue, CancellationToken.None));
    }

    [Fact]
    public async Task StartUpRecovery_RacingASweepInAnotherProcess_EnqueuesTheEvaluationOnce()
    {
        using var scenario = new AlertScenario(ChangeScenario.Flood, 0, 21);
        await using var jobs = new PostgresJobs(scenario, runWorkers: false);
        var sceneId = scenario.After.ToString();
        await scenario.Store.MarkEvaluationPendingAsync(sceneId, CancellationToken.None);
        await PublishedAsync(scenario, sceneId);
        await Task.Delay(50);

        // Two processes' recoveries over the same stores; a slow enqueue widens the window in which both see no job.
        var slow = new GatedJobClient(jobs.Client, hold: false, delay: TimeSpan.FromMilliseconds(300));
        var (other, _, _) = scenario.Reopen();
        var startUp = new EvaluationRecovery(scenario.Store, scenario.Catalog, slow, jobs.Storage);
        var sweep = new EvaluationRecovery(other, scenario.Catalog, slow, jobs.Storage);
        var rounds = await Task.WhenAll(
            Task.Run(() => startUp.RequeuePendingAsync(TimeSpan.Zero, CancellationToken.None)),
            Task.Run(() => sweep.RequeuePendingAsync(TimeSpan.FromMilliseconds(10), CancellationToken.None)));

        Assert.Equal([sceneId], rounds.SelectMany(r => r));
        var id = Assert.Single(slow.Created);
        var pending = Assert.Single(await other.ListPendingEvaluationsAsync(DateTimeOffset.MaxValue, CancellationToken.None));
        Assert.Equal((sceneId, id), (pending.SceneId, pending.JobId));
        Assert.Equal(EnqueuedState.StateName, jobs.StateOf(id));
    }

    private static async Task<SceneRecord> PublishedAsync(AlertScenario scenario, string sceneId)
    {
        var now = DateTime.UtcNow;
        var record = new SceneRecord { SceneId = sceneId, State = SceneState.Published, CreatedAt = now, UpdatedAt = now };
        Assert.True(await scenario.Catalog.TryInsertSceneRecordAsync(record));
        return record;
    }

    private static async Task<bool> WaitAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(200);
        }

        return false;
    }

    /// <summary>Hangfire on a PostgreSQL schema of its own, with a server on the <c>alerts</c> queue running the scenario's jobs.</summary>
    private sealed class PostgresJobs : IAsyncDisposable
    {
        private readonly string _schema = "sweep_" + Guid.NewGuid().ToString("N")[..12];
        private readonly BackgroundJobServer? _server;

        public PostgresJobs(AlertScenario scenario, bool runWorkers = true)
        {
            var options = new PostgreSqlStorageOptions
            {
                SchemaName = _schema, PrepareSchemaIfNecessary = true, QueuePollInterval = TimeSpan.FromMilliseconds(200),
            };
            Storage = new PostgreSqlStorage(new NpgsqlConnectionFactory(TestServers.Postgres, options), options);
            var recording = new RecordingClient(new BackgroundJobClient(Storage));
            Client = recording;
            Created = recording.Created;
            Recurring = new RecurringJobManager(Storage);
            Recovery = new EvaluationRecovery(scenario.Store, scenario.Catalog, Client, Storage);
            if (runWorkers)
            {
                _server = new BackgroundJobServer(
                    new BackgroundJobServerOptions
                    {
                        Queues = [SceneQueues.Alerts], WorkerCount = 2, Activator = new ScenarioActivator(scenario, Recovery),
                        SchedulePollingInterval = TimeSpan.FromSeconds(1), ServerName = _schema,
                    },
                    Storage);
            }
        }

        public PostgreSqlStorage Storage { get; }

        public IBackgroundJobClient Client { get; }

        public ConcurrentQueue<string> Created { get; }

        public RecurringJobManager Recurring { get; }

        public EvaluationRecovery Recovery { get; }

        public string? StateOf(string id)
        {
            using var connection = Storage.GetConnection();
            return connection.GetJobData(id)?.State;
        }

        public async ValueTask DisposeAsync()
        {
            _server?.SendStop();
            _server?.Dispose();
            await using var connection = new NpgsqlConnection(TestServers.Postgres);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{_schema}\" CASCADE", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Builds the jobs of the <c>alerts</c> queue over the scenario's stores.</summary>
    private sealed class ScenarioActivator(AlertScenario scenario, EvaluationRecovery recovery) : JobActivator
    {
        public override object ActivateJob(Type jobType) =>
            jobType == typeof(EvaluateAlerts)
                ? new EvaluateAlerts(scenario.Evaluator, scenario.Subscriptions, scenario.Store, new SceneSources([new ArchiveFolderSource(scenario.Archive)]),
                    NullLogger<EvaluateAlerts>.Instance)
                : jobType == typeof(SweepPendingEvaluations)
                    ? new SweepPendingEvaluations(recovery, NullLogger<SweepPendingEvaluations>.Instance)
                    : base.ActivateJob(jobType);
    }

    /// <summary>A job client that records the ids of the jobs it creates.</summary>
    private sealed class RecordingClient(IBackgroundJobClient inner) : IBackgroundJobClient
    {
        public ConcurrentQueue<string> Created { get; } = new();

        public string Create(Job job, IState state)
        {
            var id = inner.Create(job, state);
            Created.Enqueue(id);
            return id;
        }

        public bool ChangeState(string jobId, IState state, string expectedState) => inner.ChangeState(jobId, state, expectedState);
    }

    /// <summary>A job client whose creations wait (for <see cref="Release"/>, or a delay) before they reach the storage.</summary>
    private sealed class GatedJobClient(IBackgroundJobClient inner, bool hold = true, TimeSpan delay = default) : IBackgroundJobClient
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ManualResetEventSlim Release { get; } = new(!hold);

        public ConcurrentQueue<string> Created { get; } = new();

        public string Create(Job job, IState state)
        {
            Entered.TrySetResult();
            // A sleep inside a synchronous client, as a slow storage round trip would be.
            Release.Wait(TimeSpan.FromSeconds(30));
            Thread.Sleep(delay);
            var id = inner.Create(job, state);
            Created.Enqueue(id);
            return id;
        }

        public bool ChangeState(string jobId, IState state, string expectedState) => inner.ChangeState(jobId, state, expectedState);
    }
}
