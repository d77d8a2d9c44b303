using System.Text.Json;
using EarthData.Core.Alerts;
using EarthData.Core.Geometry;

namespace EarthData.Storage.Tests.Alerts;

/// <summary>
/// The behaviour every <see cref="IAlertStore"/> and <see cref="ISubscriptionStore"/> must show; one subclass per
/// implementation. "Two workers" are two store instances over the same database (the in-memory stores: one instance).
/// </summary>
public abstract class AlertStoreConformanceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Sent = new(2024, 3, 10, 13, 5, 0, TimeSpan.Zero);

    protected abstract Task<(IAlertStore Alerts, ISubscriptionStore Subscriptions)> OpenAsync();

    protected abstract Task DropAsync();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => DropAsync();

    [Fact]
    public async Task GetState_ReturnsNull_WhenNeverSaved()
    {
        var (alerts, _) = await OpenAsync();

        Assert.Null(await alerts.GetStateAsync("CBERS4-MUX/151/121/sub_1", Hazard.Flood, CancellationToken.None));
    }

    [Fact]
    public async Task Save_ThenGetState_ReturnsTheLatestStatePerAreaAndHazard()
    {
        var (alerts, _) = await OpenAsync();
        await alerts.SaveAsync(State("a", 1, "s1"), null, CancellationToken.None);
        await alerts.SaveAsync(State("a", 2, "s2"), null, CancellationToken.None);
        await alerts.SaveAsync(State("a", 7, "s2") with { Hazard = Hazard.Burn }, null, CancellationToken.None);

        var state = await alerts.GetStateAsync("a", Hazard.Flood, CancellationToken.None);

        Assert.Equal(Json(State("a", 2, "s2")), Json(state));
        Assert.Null(await alerts.GetStateAsync("b", Hazard.Flood, CancellationToken.None));
    }

    [Fact]
    public async Task Save_WithMessage_MakesTheMessageReadableWithEveryField()
    {
        var (alerts, _) = await OpenAsync();
        var message = Message("flood-x-20240310", 2, Hazard.Flood, AlertSeverity.Severe, Sent, lon: -47.5) with
        {
            MessageType = AlertMessageType.Update, BaselineId = "water-CBERS4-MUX-151-121.v3",
            References = [new AlertReference("flood-x-20240310.v1", Sent.AddDays(-26))],
        };

        await alerts.SaveAsync(State("a", 2, "s2"), message, CancellationToken.None);

        Assert.Equal(Json(message), Json(await alerts.GetAsync(message.Id, CancellationToken.None)));
        Assert.Null(await alerts.GetAsync("nothing.v1", CancellationToken.None));
    }

    [Fact]
    public async Task Save_SameMessageTwice_KeepsOneMessage()
    {
        var (alerts, _) = await OpenAsync();
        var message = Message("e", 1, Hazard.Flood, AlertSeverity.Moderate, Sent);

        await alerts.SaveAsync(State("a", 1, "s1"), message, CancellationToken.None);
        await alerts.SaveAsync(State("a", 1, "s1"), message, CancellationToken.None);

        Assert.Single(await alerts.ListAsync(new AlertQuery(), CancellationToken.None));
    }

    [Fact]
    public async Task List_FiltersByHazardSeverityTimeAndBox_NewestFirst()
    {
        var (alerts, _) = await OpenAsync();
        await alerts.SaveAsync(State("a", 1, "s1"), Message("flood-a", 1, Hazard.Flood, AlertSeverity.Minor, Sent, lon: -47.5), CancellationToken.None);
        await alerts.SaveAsync(State("b", 1, "s1"), Message("flood-b", 1, Hazard.Flood, AlertSeverity.Severe, Sent.AddDays(1), lon: 10), CancellationToken.None);
        await alerts.SaveAsync(State("c", 1, "s1"), Message("burn-c", 1, Hazard.Burn, AlertSeverity.Extreme, Sent.AddDays(2), lon: -47.5), CancellationToken.None);
        await alerts.SaveAsync(State("d", 1, "s1"), Message("drought-d", 1, Hazard.Drought, AlertSeverity.Unknown, Sent.AddDays(3), lon: null), CancellationToken.None);

        Assert.Equal(["drought-d.v1", "burn-c.v1", "flood-b.v1", "flood-a.v1"], await Ids(alerts, new AlertQuery()));
        Assert.Equal(["flood-b.v1", "flood-a.v1"], await Ids(alerts, new AlertQuery { Hazard = Hazard.Flood }));
        Assert.Equal(["burn-c.v1", "flood-b.v1"], await Ids(alerts, new AlertQuery { MinSeverity = AlertSeverity.Severe }));
        Assert.Equal(["burn-c.v1", "flood-b.v1"], await Ids(alerts, new AlertQuery { From = Sent.AddDays(1), To = Sent.AddDays(2) }));
        Assert.Equal(["burn-c.v1", "flood-a.v1"], await Ids(alerts, new AlertQuery { BoundingBox = new BoundingBox(-48, -16, -47, -15) }));
        Assert.Equal(["drought-d.v1", "burn-c.v1"], await Ids(alerts, new AlertQuery { Limit = 2 }));
    }

    [Fact]
    public async Task List_AgreesWithAlertQueryMatches()
    {
        var (alerts, _) = await OpenAsync();
        var messages = Enumerable.Range(0, 12).Select(i => Message($"e{i}", 1, (Hazard)(i % 3), (AlertSeverity)(i % 5), Sent.AddHours(i), lon: i % 4 == 0 ? null : -50 + i)).ToList();
        foreach (var message in messages)
        {
            await alerts.SaveAsync(State(message.EventId, 1, "s"), message, CancellationToken.None);
        }

        AlertQuery[] queries =
        [
            new() { BoundingBox = new BoundingBox(-45, -20, -30, 0), MinSeverity = AlertSeverity.Minor },
            new() { Hazard = Hazard.Burn, From = Sent.AddHours(3) },
            new() { To = Sent.AddHours(5), Limit = 3 },
        ];
        foreach (var query in queries)
        {
            var expected = messages.Where(query.Matches).OrderByDescending(m => m.Sent).ThenBy(m => m.Id, StringComparer.Ordinal).Take(query.Limit).Select(m => m.Id);
            Assert.Equal(expected, await Ids(alerts, query));
        }
    }

    [Fact]
    public async Task TryClaimDelivery_IsTrueOnce()
    {
        var (alerts, _) = await OpenAsync();

        Assert.True(await alerts.TryClaimDeliveryAsync(Claim("e.v1"), CancellationToken.None));
        Assert.False(await alerts.TryClaimDeliveryAsync(Claim("e.v1"), CancellationToken.None));
        Assert.True(await alerts.TryClaimDeliveryAsync(Claim("e.v2"), CancellationToken.None));
    }

    [Fact]
    public async Task TryClaimDelivery_OneWinner_WhenTwoWorkersClaimConcurrently()
    {
        var (first, _) = await OpenAsync();
        var (second, _) = await OpenAsync();
        for (var round = 0; round < 5; round++)
        {
            var claim = Claim($"e.v{round}");
            var claims = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
                Task.Run(() => (i % 2 == 0 ? first : second).TryClaimDeliveryAsync(claim, CancellationToken.None))));

            Assert.Single(claims, c => c);
        }

        Assert.Equal(5, (await second.ListPendingDeliveriesAsync(CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Save_SameEventVersionFromTwoWorkersConcurrently_StoresOneMessage()
    {
        var (first, _) = await OpenAsync();
        var (second, _) = await OpenAsync();
        var message = Message("flood-x", 1, Hazard.Flood, AlertSeverity.Severe, Sent);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => (i % 2 == 0 ? first : second).SaveAsync(State("a", 1, "s1"), message, CancellationToken.None))));

        Assert.Equal(["flood-x.v1"], await Ids(second, new AlertQuery()));
        Assert.Equal(Json(State("a", 1, "s1")), Json(await first.GetStateAsync("a", Hazard.Flood, CancellationToken.None)));
    }

    [Fact]
    public async Task PendingDeliveries_AreTheClaimsNotCompleted_OldestFirst()
    {
        var (alerts, _) = await OpenAsync();
        await ClaimInTurnAsync(alerts, "b.v1", "a.v1", "c.v1");

        await alerts.CompleteDeliveryAsync(Claim("a.v1").WebhookId, CancellationToken.None);
        await alerts.CompleteDeliveryAsync("msg_unknown", CancellationToken.None);

        Assert.Equal([Claim("b.v1"), Claim("c.v1")], await alerts.ListPendingDeliveriesAsync(CancellationToken.None));
        Assert.False(await alerts.TryClaimDeliveryAsync(Claim("a.v1"), CancellationToken.None));
    }

    [Fact]
    public async Task ReleaseDelivery_FreesAnOpenClaimForTheNextClaimant_AndLeavesCompletedOnesAndOrderAlone()
    {
        var (alerts, _) = await OpenAsync();
        await ClaimInTurnAsync(alerts, "a.v1", "b.v1", "c.v1");
        await alerts.CompleteDeliveryAsync(Claim("c.v1").WebhookId, CancellationToken.None);

        await alerts.ReleaseDeliveryAsync(Claim("a.v1").WebhookId, CancellationToken.None);
        await alerts.ReleaseDeliveryAsync(Claim("c.v1").WebhookId, CancellationToken.None);
        await alerts.ReleaseDeliveryAsync("msg_unknown", CancellationToken.None);

        Assert.Equal([Claim("b.v1")], await alerts.ListPendingDeliveriesAsync(CancellationToken.None));
        Assert.False(await alerts.TryClaimDeliveryAsync(Claim("c.v1"), CancellationToken.None)); // delivered: never again
        await Task.Delay(20);
        Assert.True(await alerts.TryClaimDeliveryAsync(Claim("a.v1"), CancellationToken.None));
        Assert.Equal([Claim("b.v1"), Claim("a.v1")], await alerts.ListPendingDeliveriesAsync(CancellationToken.None));
    }

    /// <summary>Claims the messages in turn, 20 ms apart (claim times order the pending list).</summary>
    private static async Task ClaimInTurnAsync(IAlertStore alerts, params string[] messageIds)
    {
        foreach (var id in messageIds)
        {
            await Task.Delay(20);
            Assert.True(await alerts.TryClaimDeliveryAsync(Claim(id), CancellationToken.None));
        }
    }

    [Fact]
    public async Task PendingEvaluations_AreTheScenesMarkedAndNotCompleted_OldestMarkFirst()
    {
        var (alerts, _) = await OpenAsync();
        Assert.Empty(await alerts.ListPendingEvaluationsAsync(DateTimeOffset.MaxValue, CancellationToken.None));
        await alerts.MarkEvaluationPendingAsync("CBERS4_MUX_20240310_151_121_L4", CancellationToken.None);
        await Task.Delay(20);
        await alerts.MarkEvaluationPendingAsync("CBERS4_MUX_20240204_151_121_L4", CancellationToken.None);
        await Task.Delay(20);
        await alerts.MarkEvaluationPendingAsync("CBERS4_MUX_20240405_151_121_L4", CancellationToken.None);

        await alerts.CompleteEvaluationAsync("CBERS4_MUX_20240204_151_121_L4", CancellationToken.None);
        await alerts.CompleteEvaluationAsync("CBERS4_MUX_20240204_151_121_L4", CancellationToken.None);
        await alerts.CompleteEvaluationAsync("CBERS4_MUX_20200101_151_121_L4", CancellationToken.None);

        Assert.Equal(["CBERS4_MUX_20240310_151_121_L4", "CBERS4_MUX_20240405_151_121_L4"], (await alerts.ListPendingEvaluationsAsync(DateTimeOffset.MaxValue, CancellationToken.None)).Select(p => p.SceneId));
    }

    [Fact]
    public async Task MarkEvaluationPending_AfterCompletion_MakesTheScenePendingAgain_OnceAcrossWorkers()
    {
        var (first, _) = await OpenAsync();
        var (second, _) = await OpenAsync();
        await first.MarkEvaluationPendingAsync("CBERS4_MUX_20240310_151_121_L4", CancellationToken.None);
        await second.CompleteEvaluationAsync("CBERS4_MUX_20240310_151_121_L4", CancellationToken.None);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => (i % 2 == 0 ? first : second).MarkEvaluationPendingAsync("CBERS4_MUX_20240310_151_121_L4", CancellationToken.None))));

        Assert.Equal(["CBERS4_MUX_20240310_151_121_L4"], (await second.ListPendingEvaluationsAsync(DateTimeOffset.MaxValue, CancellationToken.None)).Select(p => p.SceneId));
    }

    [Fact]
    public async Task PendingEvaluations_ListOnlyMarksOlderThanTheCutoff_WithTheJobLastAssigned()
    {
        var (first, _) = await OpenAsync();
        var (second, _) = await OpenAsync();
        await first.MarkEvaluationPendingAsync("CBERS4_MUX_20240310_151_121_L4", CancellationToken.None);
        await first.AssignEvaluationJobAsync("CBERS4_MUX_20240310_151_121_L4", "17", CancellationToken.None);
        await second.AssignEvaluationJobAsync("CBERS4_MUX_20240310_151_121_L4", "18", CancellationToken.None);
        await first.AssignEvaluationJobAsync("CBERS4_MUX_20200101_151_121_L4", "19", CancellationToken.None); // never marked: no effect
        await Task.Delay(50);
        var cutoff = DateTimeOffset.UtcNow;
        await Task.Delay(50);
        await second.MarkEvaluationPendingAsync("CBERS4_MUX_20240405_151_121_L4", CancellationToken.None);

        Assert.Equal([new PendingEvaluation("CBERS4_MUX_20240310_151_121_L4", "18")], await second.ListPendingEvaluationsAsync(cutoff, CancellationToken.None));
        Assert.Equal(
            [new PendingEvaluation("CBERS4_MUX_20240310_151_121_L4", "18"), new PendingEvaluation("CBERS4_MUX_20240405_151_121_L4", null)],
            await first.ListPendingEvaluationsAsync(DateTimeOffset.UtcNow.AddSeconds(1), CancellationToken.None));

        // Marking again (a re-publish) forgets the job; completing ends the assignment for good.
        await first.MarkEvaluationPendingAsync("CBERS4_MUX_20240310_151_121_L4", CancellationToken.None);
        await second.CompleteEvaluationAsync("CBERS4_MUX_20240405_151_121_L4", CancellationToken.None);
        await second.AssignEvaluationJobAsync("CBERS4_MUX_20240405_151_121_L4", "20", CancellationToken.None);
        Assert.Equal([new PendingEvaluation("CBERS4_MUX_20240310_151_121_L4", null)], await second.ListPendingEvaluationsAsync(DateTimeOffset.MaxValue, CancellationToken.None));
    }

    [Fact]
    public async Task Subscriptions_AddGetListDelete_InInsertionOrder()
    {
        var (_, subscriptions) = await OpenAsync();
        var first = Subscription("sub_b");
        var second = Subscription("sub_a") with { WebhookUrl = null, WebhookSecret = null, Languages = ["pt", "zh"] };

        await subscriptions.AddAsync(first, CancellationToken.None);
        await subscriptions.AddAsync(second, CancellationToken.None);

        Assert.Equal(Json(first), Json(await subscriptions.GetAsync("sub_b", CancellationToken.None)));
        Assert.Equal([Json(first), Json(second)], (await subscriptions.ListAsync(CancellationToken.None)).Select(s => Json(s)));
        Assert.True(await subscriptions.DeleteAsync("sub_b", CancellationToken.None));
        Assert.False(await subscriptions.DeleteAsync("sub_b", CancellationToken.None));
        Assert.Null(await subscriptions.GetAsync("sub_b", CancellationToken.None));
        Assert.Equal(["sub_a"], (await subscriptions.ListAsync(CancellationToken.None)).Select(s => s.Id));
    }

    [Fact]
    public async Task AddSubscription_Throws_WhenTheIdExists()
    {
        var (_, subscriptions) = await OpenAsync();
        await subscriptions.AddAsync(Subscription("sub_1"), CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => subscriptions.AddAsync(Subscription("sub_1"), CancellationToken.None));
    }

    [Fact]
    public async Task DisableWebhook_RecordsTheReason()
    {
        var (_, subscriptions) = await OpenAsync();
        await subscriptions.AddAsync(Subscription("sub_1"), CancellationToken.None);

        await subscriptions.DisableWebhookAsync("sub_1", "the endpoint answered 410 Gone: disabled", CancellationToken.None);
        await subscriptions.DisableWebhookAsync("sub_missing", "gone", CancellationToken.None);

        var disabled = await subscriptions.GetAsync("sub_1", CancellationToken.None);
        Assert.Equal("the endpoint answered 410 Gone: disabled", disabled!.WebhookDisabled);
        Assert.Equal(Json(Subscription("sub_1")), Json(disabled with { WebhookDisabled = null }));
    }

    protected static EventState State(string area, int version, string scene) => new()
    {
        Hazard = Hazard.Flood, Footprint = area, EventId = "flood-" + area, Version = version, Open = true, Severity = AlertSeverity.Severe,
        AreaKm2 = 3.25, RaiseStreak = 1, ClearStreak = 0, LastSceneId = scene, Issued = [new AlertReference($"flood-{area}.v1", Sent)],
    };

    protected static AlertMessage Message(string eventId, int version, Hazard hazard, AlertSeverity severity, DateTimeOffset sent, double? lon = -47.5) => new()
    {
        EventId = eventId, Version = version, MessageType = AlertMessageType.Alert, Hazard = hazard, Severity = severity, Sent = sent,
        Observed = sent.AddHours(-3), SceneId = "CBERS4_MUX_20240310_151_121_L4", Footprint = "CBERS4-MUX/151/121",
        Area = lon is { } x ? new AffectedArea([[[new(x, -15.5), new(x + 0.2, -15.5), new(x + 0.2, -15.3), new(x, -15.5)]]], 4.5) : new AffectedArea([], 0),
        AffectedFraction = 0.42,
    };

    protected static Subscription Subscription(string id) => new()
    {
        Id = id, Area = [[[new(-48, -16), new(-47, -16), new(-47, -15), new(-48, -16)]]], Hazards = [Hazard.Flood, Hazard.Drought],
        MinSeverity = AlertSeverity.Moderate, Languages = ["en", "zh"], WebhookUrl = new Uri("https://agency.example/hooks"),
        WebhookSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", Created = Sent,
    };

    protected static WebhookClaim Claim(string alertId) => new($"msg_sub_1_{alertId}", "sub_1", alertId);

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);

    private static async Task<List<string>> Ids(IAlertStore alerts, AlertQuery query) =>
        [.. (await alerts.ListAsync(query, CancellationToken.None)).Select(m => m.Id)];
}
