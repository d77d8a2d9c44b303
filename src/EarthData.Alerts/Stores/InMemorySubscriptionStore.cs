using EarthData.Core.Alerts;

namespace EarthData.Alerts.Stores;

/// <summary><see cref="ISubscriptionStore"/> in process memory (tests, single embedded process). Thread-safe.</summary>
public sealed class InMemorySubscriptionStore : ISubscriptionStore
{
    private readonly Lock _gate = new();
    private readonly List<Subscription> _subscriptions = [];

    /// <inheritdoc />
    public Task AddAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        lock (_gate)
        {
            if (_subscriptions.Exists(s => s.Id == subscription.Id))
            {
                throw new InvalidOperationException($"subscription '{subscription.Id}' exists");
            }

            _subscriptions.Add(subscription);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<Subscription?> GetAsync(string id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_subscriptions.Find(s => s.Id == id));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Subscription>> ListAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<Subscription>>([.. _subscriptions]);
        }
    }

    /// <inheritdoc />
    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_subscriptions.RemoveAll(s => s.Id == id) > 0);
        }
    }

    /// <inheritdoc />
    public Task DisableWebhookAsync(string id, string reason, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var index = _subscriptions.FindIndex(s => s.Id == id);
            if (index >= 0)
            {
                _subscriptions[index] = _subscriptions[index] with { WebhookDisabled = reason };
            }
        }

        return Task.CompletedTask;
    }
}
