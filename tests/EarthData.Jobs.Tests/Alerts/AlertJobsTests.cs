using System.Reflection;
using EarthData.Alerts.Hazards;
using EarthData.Alerts.Stores;
using EarthData.Alerts.Webhooks;
using EarthData.Core.Alerts;
using EarthData.Core.Catalog;
using EarthData.Core.Scenes;
using EarthData.Jobs.Alerts;
using EarthData.Jobs.Background;
using EarthData.Jobs.Sources;
using EarthData.Samples.Synthesis;
using EarthData.Testing;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.States;
using Microsoft.Extensions.Logging.Abstractions;

namespace EarthData.Jobs.Tests.Alerts;

/// <summary>The <c>alerts</c> queue's jobs: evaluation after publish, the hook that queues it, and webhook delivery attempts.</summary>
public class AlertJobsTests
{
    [Fact]
    public async Task EvaluateAlerts_RunTwice_IssuesOneAlertAndSendsOneWebhook_AndMarksTheEvaluationDone()
    {
        using var scenario = new AlertScenario(ChangeScenario.Flood, 0, 21);
        await scenario.SubscribeAsync();
        await scenario.Store.MarkEvaluationPendingAsync(scenario.After.ToString(), CancellationToken.None);
        var job = Job(scenario);

        var first = await job.RunAsync(scenario.After.ToString(), CancellationToken.None);
        var second = await job.RunAsync(scenario.After.ToString(), CancellationToken.None);

        var alert = Assert.Single(await scenario.Store.ListAsync(new AlertQuery(), CancellationToken.None));
        Assert.Equal((Hazard.Flood, AlertMessageType.Alert), (alert.Hazard, alert.MessageType));
        Assert.Contains($"sub_scenario flood: Alert {alert.Id}", first);
        Assert.DoesNotContain(second, line => line.Contains(": Alert", StringComparison.Ordinal) || line.Contains(": Update", StringComparison.Ordinal));
        Assert.Contains("sub_scenario flood: nothing issued (scene already evaluated)", second);
        Assert.Single(scenario.Receiver.Requests);
        Assert.Empty((await scenario.Store.ListPendingEvaluationsAsync(DateTimeOffset.MaxValue, CancellationToken.None)).Select(p => p.SceneId));
    }

    [Fact]
    public async Task EvaluateAlerts_WhoseWebhookHandOffFailed_SendsTheWebhookOnHangfiresRetry_Once()
    {
        using var scenario = new AlertScenario(ChangeScenario.Flood, 0, 21);
        await scenario.SubscribeAsync();
        var scheduler = new FailingOnceScheduler(scenario.Scheduler);
        var evaluator = new AlertEvaluator(scenario.Store, scenario.Subscriptions, new HazardThresholds(), new AlertDispatcher(scenario.Store, scheduler),
            TimeProvider.System, scenario.Baselines);
        var job = new EvaluateAlerts(evaluator, scenario.Subscriptions, scenario.Store, new SceneSources([new ArchiveFolderSource(scenario.Archive)]),
            NullLogger<EvaluateAlerts>.Instance);
        var sceneId = scenario.After.ToString();

        await Assert.ThrowsAsync<InvalidOperationException>(() => job.RunAsync(sceneId, CancellationToken.None)); // the job storage refused the webhook job
        var alert = Assert.Single(await scenario.Store.ListAsync(new AlertQuery(), CancellationToken.None));
        Assert.Empty(scenario.Receiver.Requests);
        Assert.Empty(await scenario.Store.ListPendingDeliveriesAsync(CancellationToken.None)); // the claim was released

        var retry = await job.RunAsync(sceneId, CancellationToken.None);
        var again = await job.RunAsync(sceneId, CancellationToken.None);

        Assert.Contains("sub_scenario flood: nothing issued (scene already evaluated)", retry);
        Assert.Contains("sub_scenario flood: nothing issued (scene already evaluated)", again);
        Assert.Equal(alert.Id, Assert.Single(await scenario.Store.ListAsync(new AlertQuery(), CancellationToken.None)).Id);
        var request = Assert.Single(scenario.Receiver.Requests);
        Assert.Equal(WebhookMessage.IdFor("sub_scenario", alert.Id), request.Headers["webhook-id"]);
        Assert.Equal(2, scheduler.Calls);
    }

    [Fact]
    public async Task PendingEvaluation_OfASceneThatPublishedJustBeforeAStop_RunsOnceAfterTheRestart_RaisingOneAlertAndOneWebhook()
    {
        using var scenario = new AlertScenario(ChangeScenario.Flood, 0, 21);
        await scenario.SubscribeAsync();
        var sceneId = scenario.After.ToString();
        var now = DateTime.UtcNow;
        await scenario.Catalog.TryInsertSceneRecordAsync(new SceneRecord { SceneId = sceneId, State = SceneState.Published, CreatedAt = now, UpdatedAt = now });
        await scenario.Catalog.TryInsertSceneRecordAsync(new SceneRecord { SceneId = "CBERS4_MUX_20240301_151_121_L4", State = SceneState.Publishing, CreatedAt = now, UpdatedAt = now });
        var lost = new RecordingJobClient(); // the in-memory job storage the stop empties
        var hook = new HangfireAlertHook(lost, scenario.Subscriptions, scenario.Store, NullLogger<HangfireAlertHook>.Instance);
        await hook.ScenePublishingAsync(sceneId, CancellationToken.None);
        await hook.ScenePublishedAsync(new SceneRecord { SceneId = sceneId, State = SceneState.Published, UpdatedAt = now }, CancellationToken.None);
        await hook.ScenePublishingAsync("CBERS4_MUX_20240301_151_121_L4", CancellationToken.None); // its publish not committed yet
        await hook.ScenePublishingAsync("CBERS4_MUX_20240201_151_121_L4", CancellationToken.None); // a scene the catalogue no longer knows
        Assert.Single(lost.Of<EvaluateAlerts>());

        var (alerts, _, _) = scenario.Reopen();
        var client = new RecordingJobClient();
        var requeued = await new EvaluationRecovery(alerts, scenario.Catalog, client, new InMemoryStorage()).RequeuePendingAsync(TimeSpan.Zero, CancellationToken.None);

        Assert.Equal([sceneId], requeued);
        var args = Assert.Single(client.Of<EvaluateAlerts>());
        Assert.Equal(sceneId, args[0]);
        var summary = await Job(scenario).RunAsync((string)args[0]!, CancellationToken.None);
        var alert = Assert.Single(await alerts.ListAsync(new AlertQuery(), CancellationToken.None));
        Assert.Contains($"sub_scenario flood: Alert {alert.Id}", summary);
        Assert.Single(scenario.Receiver.Requests);
        Assert.Equal(["CBERS4_MUX_20240301_151_121_L4"], (await alerts.ListPendingEvaluationsAsync(DateTimeOffset.MaxValue, CancellationToken.None)).Select(p => p.SceneId));

        // A second restart finds nothing to evaluate; the lost job, should it run after all, issues and sends nothing.
        var again = new RecordingJobClient();
        Assert.Empty(await new EvaluationRecovery(alerts, scenario.Catalog, again, new InMemoryStorage()).RequeuePendingAsync(TimeSpan.Zero, CancellationToken.None));
        Assert.Empty(again.Created);
        await Job(scenario).RunAsync((string)lost.Of<EvaluateAlerts>()[0][0]!, CancellationToken.None);
        Assert.Single(await alerts.ListAsync(new AlertQuery(), CancellationToken.None));
        Assert.Single(scenario.Receiver.Requests);
    }

    [Fact]
    public async Task EvaluateAlerts_ReturnsAtOnce_WhenThereAreNoSubscriptions()
    {
        using var scenario = new AlertScenario(ChangeScenario.Flood, 0, 21);
        Corrupt(scenario);

        Assert.Empty(await Job(scenario).RunAsync(scenario.After.ToString(), CancellationToken.None));
    }

    [Fact]
    public async Task EvaluateAlerts_Throws_SoHangfireRetries_AndLeavesTheEvaluationPending_WhenTheEvaluationFails()
    {
        using var scenario = new AlertScenario(ChangeScenario.Flood, 0, 21);
        await scenario.SubscribeAsync();
        await scenario.Store.MarkEvaluationPendingAsync(scenario.After.ToString(), CancellationToken.None);
        Corrupt(scenario);

        await Assert.ThrowsAnyAsync<Exception>(() => Job(scenario).RunAsync(scenario.After.ToString(), CancellationToken.None));
        Assert.Equal([scenario.After.ToString()], (await scenario.Store.ListPendingEvaluationsAsync(DateTimeOffset.MaxValue, CancellationToken.None)).Select(p => p.SceneId));
        var retry = typeof(EvaluateAlerts).GetMethod(nameof(EvaluateAlerts.RunAsync))!.GetCustomAttribute<AutomaticRetryAttribute>()!;
        Assert.Equal(3, retry.Attempts);
    }

    [Fact]
    public async Task EvaluateAlerts_SkipsTheScene_WhenNoArchiveLayoutSourceHoldsIt()
    {
        using var scenario = new AlertScenario(ChangeScenario.Flood, 0, 21);
        await scenario.SubscribeAsync();
        var elsewhere = Directory.CreateTempSubdirectory("earthdata-elsewhere-");
        try
        {
            var job = new EvaluateAlerts(scenario.Evaluator, scenario.Subscriptions, scenario.Store, new SceneSources([new ArchiveFolderSource(elsewhere.FullName)]),
                NullLogger<EvaluateAlerts>.Instance);

            Assert.Empty(await job.RunAsync(scenario.After.ToString(), CancellationToken.None));
            Assert.Empty(scenario.Receiver.Requests);
        }
        finally
        {
            elsewhere.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task AlertHook_EnqueuesEvaluateAlerts_OnlyWhileThereAreSubscriptions()
    {
        var client = new RecordingJobClient();
        var subscriptions = new InMemorySubscriptionStore();
        var alerts = new InMemoryAlertStore();
        var hook = new HangfireAlertHook(client, subscriptions, alerts, NullLogger<HangfireAlertHook>.Instance);
        var record = new SceneRecord { SceneId = "CBERS4_MUX_20240310_151_121_L4", State = SceneState.Published, UpdatedAt = DateTime.UtcNow, CreatedAt = DateTime.UtcNow };

        await hook.ScenePublishingAsync(record.SceneId, CancellationToken.None);
        await hook.ScenePublishedAsync(record, CancellationToken.None);
        Assert.Empty(client.Created);
        Assert.Empty((await alerts.ListPendingEvaluationsAsync(DateTimeOffset.MaxValue, CancellationToken.None)).Select(p => p.SceneId));

        await subscriptions.AddAsync(Subscription(new Uri("https://agency.example/hook")), CancellationToken.None);
        await hook.ScenePublishingAsync(record.SceneId, CancellationToken.None);
        Assert.Equal([record.SceneId], (await alerts.ListPendingEvaluationsAsync(DateTimeOffset.MaxValue, CancellationToken.None)).Select(p => p.SceneId));
        await hook.ScenePublishedAsync(record, CancellationToken.None);

        var (job, state) = Assert.Single(client.Created);
        Assert.Equal(typeof(EvaluateAlerts), job.Type);
        Assert.Equal(record.SceneId, job.Args[0]);
        Assert.IsType<EnqueuedState>(state);
        Assert.Equal(SceneQueues.Alerts, typeof(EvaluateAlerts).GetCustomAttribute<QueueAttribute>()!.Queue);
    }

    [Fact]
    public async Task AlertHook_DoesNotThrow_WhenTheStoreFails()
    {
        var hook = new HangfireAlertHook(new RecordingJobClient(), new FailingSubscriptions(), new InMemoryAlertStore(), NullLogger<HangfireAlertHook>.Instance);

        await hook.ScenePublishingAsync("CBERS4_MUX_20240310_151_121_L4", CancellationToken.None);
        await hook.ScenePublishedAsync(new SceneRecord { SceneId = "CBERS4_MUX_20240310_151_121_L4", State = SceneState.Published, UpdatedAt = DateTime.UtcNow }, CancellationToken.None);
    }

    [Fact]
    public async Task DeliverWebhook_SchedulesTheNextAttempt_ThenDeliversTheSameSignedMessage()
    {
        using var receiver = new LoopbackReceiver(500, 200);
        var (job, client, alerts, subscriptions) = await Delivery(receiver);

        var first = await job.RunAsync("sub_1", "flood-x.v1", 1, CancellationToken.None);

        Assert.Equal(DeliveryOutcome.RetryLater, first!.Outcome);
        Assert.Single(await alerts.ListPendingDeliveriesAsync(CancellationToken.None));
        var (next, state) = Assert.Single(client.Created);
        Assert.Equal(["sub_1", "flood-x.v1", 2], next.Args.Take(3));
        Assert.InRange(((ScheduledState)state).EnqueueAt - DateTime.UtcNow, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(6));

        var second = await job.RunAsync("sub_1", "flood-x.v1", 2, CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Delivered, second!.Outcome);
        var requests = receiver.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.Equal(requests[0].Headers["webhook-id"], requests[1].Headers["webhook-id"]);
        Assert.Equal(requests[0].Body, requests[1].Body);
        Assert.Equal(AlertDispatcher.Body((await alerts.GetAsync("flood-x.v1", CancellationToken.None))!), requests[1].Body);
        var signer = new WebhookSigner(AlertScenario.Secret);
        Assert.True(signer.Verify(requests[1].Headers["webhook-id"], requests[1].Headers["webhook-timestamp"], requests[1].Body, requests[1].Headers["webhook-signature"], DateTimeOffset.UtcNow));
        Assert.Null((await subscriptions.GetAsync("sub_1", CancellationToken.None))!.WebhookDisabled);
        Assert.Empty(await alerts.ListPendingDeliveriesAsync(CancellationToken.None));
    }

    [Fact]
    public async Task DeliverWebhook_DisablesTheWebhook_WhenTheEndpointIsGone()
    {
        using var receiver = new LoopbackReceiver(410);
        var (job, client, alerts, subscriptions) = await Delivery(receiver);

        var result = await job.RunAsync("sub_1", "flood-x.v1", 1, CancellationToken.None);

        Assert.Equal(DeliveryOutcome.EndpointGone, result!.Outcome);
        Assert.Empty(await alerts.ListPendingDeliveriesAsync(CancellationToken.None));
        Assert.Empty(client.Created);
        Assert.NotNull((await subscriptions.GetAsync("sub_1", CancellationToken.None))!.WebhookDisabled);
        Assert.Null(await job.RunAsync("sub_1", "flood-x.v1", 1, CancellationToken.None));
        Assert.Single(receiver.Requests);
    }

    [Fact]
    public async Task Dispatch_ThroughHangfireScheduler_EnqueuesOneDeliveryPerEventVersion()
    {
        var client = new RecordingJobClient();
        var alerts = new InMemoryAlertStore();
        var dispatcher = new AlertDispatcher(alerts, new HangfireWebhookScheduler(client));
        var subscription = Subscription(new Uri("https://agency.example/hook"));

        Assert.True(await dispatcher.DispatchAsync(subscription, Message(), CancellationToken.None));
        Assert.False(await dispatcher.DispatchAsync(subscription, Message(), CancellationToken.None));

        var (job, _) = Assert.Single(client.Created);
        Assert.Equal(typeof(DeliverWebhook), job.Type);
        Assert.Equal(["sub_1", "flood-x.v1", 1], job.Args.Take(3));
    }

    /// <summary>A scheduler whose first hand-off fails, as a job storage that is briefly unavailable does.</summary>
    private sealed class FailingOnceScheduler(IWebhookScheduler inner) : IWebhookScheduler
    {
        public int Calls { get; private set; }

        public Task ScheduleAsync(Subscription subscription, WebhookMessage message, CancellationToken cancellationToken) =>
            ++Calls == 1 ? throw new InvalidOperationException("job storage unavailable") : inner.ScheduleAsync(subscription, message, cancellationToken);
    }

    private static EvaluateAlerts Job(AlertScenario scenario) =>
        new(scenario.Evaluator, scenario.Subscriptions, scenario.Store, new SceneSources([new ArchiveFolderSource(scenario.Archive)]), NullLogger<EvaluateAlerts>.Instance);

    private static void Corrupt(AlertScenario scenario)
    {
        foreach (var file in Directory.EnumerateFiles(ArchiveLayout.SceneDirectory(scenario.Archive, scenario.After), "*.tif", SearchOption.AllDirectories))
        {
            File.WriteAllText(file, "not a GeoTIFF");
        }
    }

    private static async Task<(DeliverWebhook Job, RecordingJobClient Client, IAlertStore Alerts, ISubscriptionStore Subscriptions)> Delivery(LoopbackReceiver receiver)
    {
        var client = new RecordingJobClient();
        var alerts = new InMemoryAlertStore();
        var subscriptions = new InMemorySubscriptionStore();
        await subscriptions.AddAsync(Subscription(receiver.Url), CancellationToken.None);
        await alerts.SaveAsync(new EventState { Hazard = Hazard.Flood, Footprint = "CBERS4-MUX/151/121/sub_1" }, Message(), CancellationToken.None);
        await alerts.TryClaimDeliveryAsync(new WebhookClaim(WebhookMessage.IdFor("sub_1", "flood-x.v1"), "sub_1", "flood-x.v1"), CancellationToken.None);
        var guard = new WebhookTargetGuard(allowPrivateTargets: true);
        var delivery = new WebhookDelivery(new HttpClient(WebhookHttpHandler.Create(guard)), guard, new WebhookRetryPolicy(), TimeProvider.System);
        return (new DeliverWebhook(alerts, subscriptions, delivery, client, NullLogger<DeliverWebhook>.Instance), client, alerts, subscriptions);
    }

    private static Subscription Subscription(Uri url) => new()
    {
        Id = "sub_1", Area = [[[new(-48, -16), new(-47, -16), new(-47, -15), new(-48, -16)]]], Hazards = [Hazard.Flood],
        WebhookUrl = url, WebhookSecret = AlertScenario.Secret, Created = DateTimeOffset.UtcNow,
    };

    private static AlertMessage Message() => new()
    {
        EventId = "flood-x", Version = 1, MessageType = AlertMessageType.Alert, Hazard = Hazard.Flood, Severity = AlertSeverity.Severe,
        Sent = new DateTimeOffset(2024, 3, 10, 13, 0, 0, TimeSpan.Zero), Observed = new DateTimeOffset(2024, 3, 10, 13, 0, 0, TimeSpan.Zero),
        SceneId = "CBERS4_MUX_20240310_151_121_L4", Footprint = "CBERS4-MUX/151/121",
        Area = new AffectedArea([[[new(-47.5, -15.5), new(-47.4, -15.5), new(-47.4, -15.4), new(-47.5, -15.5)]]], 12), AffectedFraction = 0.3,
    };

    private sealed class FailingSubscriptions : ISubscriptionStore
    {
        public Task AddAsync(Subscription subscription, CancellationToken cancellationToken) => throw new InvalidOperationException("down");

        public Task<Subscription?> GetAsync(string id, CancellationToken cancellationToken) => throw new InvalidOperationException("down");

        public Task<IReadOnlyList<Subscription>> ListAsync(CancellationToken cancellationToken) => throw new InvalidOperationException("database down");

        public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) => throw new InvalidOperationException("down");

        public Task DisableWebhookAsync(string id, string reason, CancellationToken cancellationToken) => throw new InvalidOperationException("down");
    }
}
