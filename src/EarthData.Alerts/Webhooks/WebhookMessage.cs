namespace EarthData.Alerts.Webhooks;

/// <summary>One webhook message to one endpoint.</summary>
/// <param name="Id">The <c>webhook-id</c>: the same on every retry of this message (receivers dedupe on it).</param>
/// <param name="Body">The exact JSON body.</param>
public sealed record WebhookMessage(string Id, string Body)
{
    /// <summary>
    /// The id of alert message <paramref name="alertId"/> sent to subscription <paramref name="subscriptionId"/>:
    /// stable, so a re-run of the evaluation yields the same id for the same event version.
    /// </summary>
    public static string IdFor(string subscriptionId, string alertId) => $"msg_{subscriptionId}_{alertId}";

    /// <summary>The alert message id inside webhook id <paramref name="webhookId"/> of <paramref name="subscriptionId"/> (the inverse of <see cref="IdFor"/>).</summary>
    /// <exception cref="ArgumentException">The webhook id is not one of that subscription's.</exception>
    public static string AlertIdOf(string subscriptionId, string webhookId)
    {
        ArgumentNullException.ThrowIfNull(webhookId);
        var prefix = IdFor(subscriptionId, string.Empty);
        return webhookId.StartsWith(prefix, StringComparison.Ordinal) && webhookId.Length > prefix.Length
            ? webhookId[prefix.Length..]
            : throw new ArgumentException($"'{webhookId}' is not a webhook id of subscription '{subscriptionId}'", nameof(webhookId));
    }
}
