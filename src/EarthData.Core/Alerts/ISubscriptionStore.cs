namespace EarthData.Core.Alerts;

/// <summary>Where subscriptions live. Implementations are thread-safe.</summary>
public interface ISubscriptionStore
{
    /// <summary>Adds a subscription.</summary>
    Task AddAsync(Subscription subscription, CancellationToken cancellationToken);

    /// <summary>One subscription, or null.</summary>
    Task<Subscription?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Every subscription, oldest first.</summary>
    Task<IReadOnlyList<Subscription>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Deletes a subscription; false when there was none.</summary>
    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken);

    /// <summary>Disables a subscription's webhook with the reason (e.g. 410 Gone).</summary>
    Task DisableWebhookAsync(string id, string reason, CancellationToken cancellationToken);
}
