using EarthData.Alerts.Webhooks;
using Microsoft.AspNetCore.Http;
using EarthData.Testing;
using StandardWebhooks;

namespace EarthData.Alerts.Tests.Webhooks;

public sealed class WebhookDeliveryTests : IDisposable
{
    private static readonly WebhookRetryPolicy FastPolicy = new([TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(40)]);
    private readonly HttpClient _client;
    private readonly WebhookDelivery _delivery;
    private readonly string _secret = WebhookSigner.NewSecret();
    private readonly List<TimeSpan> _waits = [];

    public WebhookDeliveryTests()
    {
        var guard = new WebhookTargetGuard(allowPrivateTargets: true); // the receiver is on loopback
        _client = new HttpClient(WebhookHttpHandler.Create(guard)) { Timeout = TimeSpan.FromSeconds(10) };
        _delivery = new WebhookDelivery(_client, guard, FastPolicy, TimeProvider.System);
    }

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task DeliverWithRetries_RetriesWithBackoff_KeepingTheWebhookIdAndAValidSignature()
    {
        using var receiver = new LoopbackReceiver(500, 503, 200);
        var message = new WebhookMessage(WebhookMessage.IdFor("sub1", "flood-x.v1"), "{\"id\":\"flood-x.v1\"}");

        var result = await _delivery.DeliverWithRetriesAsync(receiver.Url, _secret, message, Wait, CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Delivered, result.Outcome);
        Assert.Equal(3, result.Attempt);
        var requests = receiver.Requests.ToList();
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r => Assert.Equal("msg_sub1_flood-x.v1", r.Headers["webhook-id"]));
        Assert.True(_waits[1] > _waits[0], "the delays grow");
        foreach (var (_, headers, body) in requests)
        {
            var dictionary = new HeaderDictionary();
            foreach (var (key, value) in headers)
            {
                dictionary[key] = value;
            }

            new StandardWebhook(_secret).Verify(body, dictionary); // the receiver's verification: throws when invalid
        }
    }

    [Fact]
    public async Task DeliverWithRetries_GivesUp_AfterTheLastAttempt()
    {
        using var receiver = new LoopbackReceiver(500);

        var result = await _delivery.DeliverWithRetriesAsync(receiver.Url, _secret, new WebhookMessage("msg_a", "{}"), Wait, CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Failed, result.Outcome);
        Assert.Equal(FastPolicy.MaxAttempts, receiver.Requests.Count);
    }

    [Fact]
    public async Task Deliver_ReportsTheEndpointGone_On410()
    {
        using var receiver = new LoopbackReceiver(410);

        var result = await _delivery.DeliverWithRetriesAsync(receiver.Url, _secret, new WebhookMessage("msg_b", "{}"), Wait, CancellationToken.None);

        Assert.Equal(DeliveryOutcome.EndpointGone, result.Outcome);
        Assert.Single(receiver.Requests);
    }

    [Fact]
    public async Task Deliver_DoesNotFollowRedirects()
    {
        using var receiver = new LoopbackReceiver(302);

        var result = await _delivery.DeliverAsync(receiver.Url, _secret, new WebhookMessage("msg_c", "{}"), 1, CancellationToken.None);

        Assert.Equal(DeliveryOutcome.RetryLater, result.Outcome);
        Assert.Equal(302, result.StatusCode);
        Assert.Contains("not followed", result.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(receiver.Requests, r => r.Path == receiver.RedirectTarget.AbsolutePath);
    }

    [Fact]
    public async Task Deliver_RefusesLoopback_WhenPrivateTargetsAreNotAllowed()
    {
        using var receiver = new LoopbackReceiver(200);
        var strict = new WebhookTargetGuard(allowPrivateTargets: false);
        using var client = new HttpClient(WebhookHttpHandler.Create(strict));
        var delivery = new WebhookDelivery(client, strict, FastPolicy, TimeProvider.System);

        var result = await delivery.DeliverAsync(receiver.Url, _secret, new WebhookMessage("msg_d", "{}"), 1, CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Failed, result.Outcome);
        Assert.Empty(receiver.Requests);
    }

    [Fact]
    public void Policy_Default_FollowsTheStandardWebhooksSchedule()
    {
        var policy = new WebhookRetryPolicy();

        Assert.Equal(8, policy.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(5), policy.DelayAfter(1));
        Assert.Equal(TimeSpan.FromHours(10), policy.DelayAfter(7));
        Assert.Null(policy.DelayAfter(8));
        Assert.InRange(policy.DelayAfter(4, jitter: 0.99)!.Value, TimeSpan.FromHours(2), TimeSpan.FromHours(2.2));
    }

    private Task Wait(TimeSpan delay, CancellationToken cancellationToken)
    {
        _waits.Add(delay);
        return Task.Delay(delay, cancellationToken);
    }
}
