using System.Globalization;
using System.Net;
using System.Text;

namespace EarthData.Alerts.Webhooks;

/// <summary>
/// Delivers a signed webhook message (Standard Webhooks headers <c>webhook-id</c>, <c>webhook-timestamp</c>,
/// <c>webhook-signature</c>) one attempt at a time, so a scheduler (a Hangfire job) can run each attempt and schedule
/// the next after <see cref="DeliveryResult.RetryAfter"/>; <see cref="DeliverWithRetriesAsync"/> runs the whole schedule
/// in-process. 2xx delivers; 410 Gone reports the endpoint gone; redirects are not followed (they count as failures);
/// other statuses, timeouts and network errors are retried per the <see cref="WebhookRetryPolicy"/>.
/// </summary>
/// <param name="client">A client over <see cref="WebhookHttpHandler.Create"/> (no redirects, SSRF-checked connections).</param>
/// <param name="guard">The target guard (checked before every attempt).</param>
/// <param name="policy">The retry schedule.</param>
/// <param name="clock">Time for <c>webhook-timestamp</c>.</param>
public sealed class WebhookDelivery(HttpClient client, WebhookTargetGuard guard, WebhookRetryPolicy policy, TimeProvider clock)
{
    /// <summary>The retry schedule.</summary>
    public WebhookRetryPolicy Policy => policy;

    /// <summary>Makes attempt <paramref name="attempt"/> (1-based) of delivering <paramref name="message"/>.</summary>
    public async Task<DeliveryResult> DeliverAsync(Uri url, string secret, WebhookMessage message, int attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(attempt);
        if (await guard.CheckResolvedAsync(url.AbsoluteUri, cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            return new DeliveryResult(DeliveryOutcome.Failed, attempt, null, null, refusal);
        }

        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(message.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", message.Id);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", new WebhookSigner(secret).Sign(message.Id, timestamp, message.Body));
        int? status = null;
        string detail;
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return new DeliveryResult(DeliveryOutcome.Delivered, attempt, status, null, null);
            }

            if (response.StatusCode == HttpStatusCode.Gone)
            {
                return new DeliveryResult(DeliveryOutcome.EndpointGone, attempt, status, null, "the endpoint answered 410 Gone: disabled");
            }

            detail = status is >= 300 and < 400
                ? $"the endpoint answered {status} (redirects are not followed)"
                : $"the endpoint answered {status}";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            detail = ex is TaskCanceledException ? "the endpoint timed out" : $"the endpoint is unreachable: {ex.Message}";
        }

        var delay = policy.DelayAfter(attempt, Random.Shared.NextDouble());
        return delay is null
            ? new DeliveryResult(DeliveryOutcome.Failed, attempt, status, null, $"{detail}; gave up after {attempt} attempts")
            : new DeliveryResult(DeliveryOutcome.RetryLater, attempt, status, delay, detail);
    }

    /// <summary>
    /// Runs attempts until delivered, gone or out of attempts, waiting each delay with <paramref name="wait"/>
    /// (<see cref="Task.Delay(TimeSpan, CancellationToken)"/> in production; tests pass a shorter wait).
    /// </summary>
    public async Task<DeliveryResult> DeliverWithRetriesAsync(Uri url, string secret, WebhookMessage message,
        Func<TimeSpan, CancellationToken, Task> wait, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wait);
        for (var attempt = 1; ; attempt++)
        {
            var result = await DeliverAsync(url, secret, message, attempt, cancellationToken).ConfigureAwait(false);
            if (result.Outcome != DeliveryOutcome.RetryLater)
            {
                return result;
            }

            await wait(result.RetryAfter!.Value, cancellationToken).ConfigureAwait(false);
        }
    }
}
