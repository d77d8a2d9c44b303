using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using EarthData.Alerts.Cap;
using EarthData.Alerts.Webhooks;
using EarthData.Gdal;
using EarthData.Samples;
using EarthData.Samples.Synthesis;
using EarthData.Testing;

namespace EarthData.Server.Tests.Alerts;

/// <summary>
/// "Receive alerts" end to end on a real server with workers: a subscription with a webhook to a loopback receiver, a
/// generated flood pair dropped and queued through the API, the pipeline publishing both scenes and the <c>alerts</c>
/// queue evaluating them against a baseline it stores and the alert names; a restart on the same data directory keeps
/// the alert and the subscription, sends the webhook whose retry the in-memory job storage lost — once — and runs the
/// evaluation left pending by a stop right after a publish, raising and sending nothing twice.
/// </summary>
public sealed class AlertPipelineTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    [Fact]
    public async Task PublishedFloodPair_RaisesOneAlert_DeliversItsSignedWebhookAcrossARestart_AndKeepsAlertAndSubscription()
    {
        // The first attempt fails and its retry (5 s later) is scheduled in the in-memory job storage, which the restart
        // below empties: the delivery arrives only because start-up re-enqueues the open claim.
        using var receiver = new LoopbackReceiver(500, 200);
        var server = new AlertPipelineServer();
        await server.InitializeAsync();
        try
        {
            var generated = SyntheticSceneGenerator.Generate(new SyntheticSceneOptions
            {
                OutputRoot = server.DropFolder, Collection = "CBERS4-MUX", Scale = 0.05, Seed = 21, Date = new DateOnly(2024, 3, 10),
                Scenario = ChangeScenario.Flood, HistorySeasons = 0,
            });
            Assert.Equal(2, generated.Scenes.Count);
            using var created = await server.Client.SendAsync(Request(HttpMethod.Post, "/api/subscriptions", new
            {
                area = new { type = "Polygon", coordinates = new[] { SceneRing(generated.TruthMaskPath!) } },
                hazards = new[] { "flood" },
                minSeverity = "Minor",
                languages = new[] { "en", "pt" },
                webhook = new { url = receiver.Url.ToString(), secret = Secret },
            }));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var subscriptionId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

            foreach (var scene in generated.Scenes)
            {
                using var queued = await server.Client.SendAsync(Request(HttpMethod.Post, "/api/scenes", new { source = scene.Id.ToString() }));
                Assert.Equal(HttpStatusCode.Accepted, queued.StatusCode);
            }

            foreach (var scene in generated.Scenes)
            {
                Assert.Equal("Published", await WaitForAsync($"{scene.Id} to end its pipeline", server, receiver, async () =>
                {
                    var state = (await server.Client.GetFromJsonAsync<JsonElement>($"/api/scenes/{scene.Id}")).GetProperty("state").GetString();
                    return state is "Published" or "Failed" or "Rejected" ? state : null;
                }));
            }

            var alertId = await WaitForAsync("the flood alert", server, receiver, async () => await FloodAlertAsync(server));
            Assert.NotNull(alertId);
            using var cap = await server.Client.GetAsync($"/api/alerts/{alertId}/cap");
            var document = XDocument.Parse(await cap.Content.ReadAsStringAsync());
            Assert.Empty(CapSchema.Validate(document));
            Assert.Empty(CapConformance.Check(document));

            Assert.True(await WaitForAsync("the first webhook attempt", server, receiver, () => Task.FromResult(receiver.Requests.IsEmpty ? (bool?)null : true)));
            var alert = await server.Client.GetFromJsonAsync<JsonElement>($"/api/alerts/{alertId}");
            var baselines = (await server.Client.GetFromJsonAsync<JsonElement>("/api/baselines?footprint=CBERS4-MUX/151/121&kind=water")).GetProperty("baselines");
            var baseline = Assert.Single(baselines.EnumerateArray());
            Assert.Equal((baseline.GetProperty("id").GetString(), 1), (alert.GetProperty("baseline").GetString(), alert.GetProperty("baselineVersion").GetInt32()));
            Assert.Equal([generated.Scenes[0].Id.ToString()], baseline.GetProperty("scenes").EnumerateArray().Select(s => s.GetString()));
            using (var cog = await server.Client.GetAsync(baseline.GetProperty("links").GetProperty("cog").GetString()))
            {
                Assert.Equal(HttpStatusCode.OK, cog.StatusCode);
            }

            var alerts = server.Service<EarthData.Core.Alerts.IAlertStore>();
            using (var jobs = server.Service<Hangfire.JobStorage>().GetConnection())
            {
                var sweep = Assert.Single(Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(jobs), j => j.Id == EarthData.Jobs.Background.SweepPendingEvaluations.RecurringJobId);
                Assert.Equal(("* * * * *", "alerts", TimeSpan.FromMinutes(5)), (sweep.Cron, sweep.Job.Queue, (TimeSpan)sweep.Job.Args[0]));
            }

            Assert.True(await WaitForAsync("no pending evaluation", server, receiver, async () =>
                (await alerts.ListPendingEvaluationsAsync(DateTimeOffset.MaxValue, CancellationToken.None)).Count == 0 ? true : (bool?)null));

            // As if the server stopped between the after scene's publish and its evaluation job.
            await alerts.MarkEvaluationPendingAsync(generated.Scenes[^1].Id.ToString(), CancellationToken.None);
            await server.RestartAsync();
            Assert.True(await WaitForAsync("no pending evaluation after the restart", server, receiver, async () =>
                (await server.Service<EarthData.Core.Alerts.IAlertStore>().ListPendingEvaluationsAsync(DateTimeOffset.MaxValue, CancellationToken.None)).Count == 0 ? true : (bool?)null));

            Assert.True(await WaitForAsync("the webhook delivered after the restart", server, receiver, () => Task.FromResult(receiver.Requests.Count < 2 ? (bool?)null : true)));
            await Task.Delay(TimeSpan.FromSeconds(6)); // time for a (wrong) third delivery: the retry of before the restart, or a second re-enqueue
            var requests = receiver.Requests.ToList();
            Assert.Equal(2, requests.Count);
            Assert.Equal(requests[0].Headers["webhook-id"], requests[1].Headers["webhook-id"]);
            var request = requests[1];
            Assert.True(new WebhookSigner(Secret).Verify(request.Headers["webhook-id"], request.Headers["webhook-timestamp"], request.Body,
                request.Headers["webhook-signature"], DateTimeOffset.UtcNow));
            Assert.Equal(WebhookMessage.IdFor(subscriptionId, alertId!), request.Headers["webhook-id"]);
            Assert.Equal(alertId, JsonDocument.Parse(request.Body).RootElement.GetProperty("data").GetProperty("id").GetString());
            Assert.Empty(await server.Service<EarthData.Core.Alerts.IAlertStore>().ListPendingDeliveriesAsync(CancellationToken.None));

            Assert.Equal(alertId, await FloodAlertAsync(server));
            using var subscription = await server.Client.SendAsync(Request(HttpMethod.Get, $"/api/subscriptions/{subscriptionId}", null));
            Assert.Equal(HttpStatusCode.OK, subscription.StatusCode);
            Assert.Equal(["flood"], (await subscription.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("hazards").EnumerateArray().Select(h => h.GetString()));

            await server.RestartAsync();
            await Task.Delay(TimeSpan.FromSeconds(3)); // a completed delivery is not sent again
            Assert.Equal(2, receiver.Requests.Count);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    private static async Task<string?> FloodAlertAsync(RunningServer server)
    {
        var alerts = (await server.Client.GetFromJsonAsync<JsonElement>("/api/alerts?hazard=flood")).GetProperty("alerts");
        return alerts.GetArrayLength() == 0 ? null : Assert.Single(alerts.EnumerateArray()).GetProperty("id").GetString();
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, object? body)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new("Bearer", PipelineServer.ApiKey);
        return request;
    }

    /// <summary>The scene grid's outline (the truth mask lies on it) as a closed WGS 84 ring.</summary>
    private static double[][] SceneRing(string truthMaskPath)
    {
        using var dataset = GdalDataset.Open(truthMaskPath);
        var transform = dataset.GeoTransform!.Value;
        using var srs = dataset.GetSpatialReference()!;
        using var wgs84 = SpatialReference.FromEpsg(4326);
        using var toWgs84 = CoordinateTransformation.Create(srs, wgs84);
        (double X, double Y)[] corners = [(0, dataset.Height), (dataset.Width, dataset.Height), (dataset.Width, 0), (0, 0), (0, dataset.Height)];
        return [.. corners.Select(c =>
        {
            var (x, y) = transform.PixelToWorld(c.X, c.Y);
            var (lon, lat) = toWgs84.Transform(x, y);
            return new[] { lon, lat };
        })];
    }

    /// <summary>Polls <paramref name="probe"/> until it answers, for up to 4 minutes; then fails, naming what it waited for and the server's state.</summary>
    private static async Task<T> WaitForAsync<T>(string what, RunningServer server, LoopbackReceiver receiver, Func<Task<T?>> probe)
    {
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            await Task.Delay(250);
        }

        return await probe() ?? throw new Xunit.Sdk.XunitException($"waited 4 min for {what}; {await StateAsync(server, receiver)}");
    }

    /// <summary>What the server's alert store and jobs hold, what the receiver got, and the server's last log lines.</summary>
    private static async Task<string> StateAsync(RunningServer server, LoopbackReceiver receiver)
    {
        var alerts = server.Service<EarthData.Core.Alerts.IAlertStore>();
        var evaluations = await alerts.ListPendingEvaluationsAsync(DateTimeOffset.MaxValue, CancellationToken.None);
        var deliveries = await alerts.ListPendingDeliveriesAsync(CancellationToken.None);
        var evaluated = server.Service<Hangfire.JobStorage>().GetMonitoringApi().SucceededJobs(0, 50)
            .Where(j => j.Value.Job?.Type == typeof(EarthData.Jobs.Background.EvaluateAlerts))
            .Select(j => $"{j.Value.Job!.Args[0]}: {j.Value.Result}");
        return $"pending evaluations [{string.Join(", ", evaluations.Select(e => $"{e.SceneId} job {e.JobId}"))}], " +
            $"pending deliveries {deliveries.Count}, webhook requests {receiver.Requests.Count}, evaluations [{string.Join("; ", evaluated)}]; " +
            await server.DiagnosticsAsync();
    }
}
