using EarthData.Core.Alerts;

namespace EarthData.Alerts.Stores;

/// <summary>
/// <see cref="IAlertStore"/> in process memory: for tests and a single embedded process (state is lost on restart).
/// Thread-safe (one lock).
/// </summary>
public sealed class InMemoryAlertStore : IAlertStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string, Hazard), EventState> _states = [];
    private readonly Dictionary<string, AlertMessage> _messages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (WebhookClaim Claim, bool Done, long Order)> _deliveries = new(StringComparer.Ordinal);
    private long _claims;
    private readonly Dictionary<string, (long Mark, DateTimeOffset At, string? JobId)> _pendingEvaluations = new(StringComparer.Ordinal);
    private long _marks;

    /// <inheritdoc />
    public Task<EventState?> GetStateAsync(string areaKey, Hazard hazard, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_states.GetValueOrDefault((areaKey, hazard)));
        }
    }

    /// <inheritdoc />
    public Task SaveAsync(EventState state, AlertMessage? message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        lock (_gate)
        {
            _states[(state.Footprint, state.Hazard)] = state;
            if (message is not null)
            {
                _messages[message.Id] = message;
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<AlertMessage?> GetAsync(string id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_messages.GetValueOrDefault(id));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AlertMessage>> ListAsync(AlertQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (_gate)
        {
            IReadOnlyList<AlertMessage> result = [.. _messages.Values.Where(query.Matches).OrderByDescending(m => m.Sent).ThenBy(m => m.Id, StringComparer.Ordinal).Take(query.Limit)];
            return Task.FromResult(result);
        }
    }

    /// <inheritdoc />
    public Task<bool> TryClaimDeliveryAsync(WebhookClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        lock (_gate)
        {
            return Task.FromResult(_deliveries.TryAdd(claim.WebhookId, (claim, false, ++_claims)));
        }
    }

    /// <inheritdoc />
    public Task ReleaseDeliveryAsync(string webhookId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_deliveries.TryGetValue(webhookId, out var delivery) && !delivery.Done)
            {
                _deliveries.Remove(webhookId);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task CompleteDeliveryAsync(string webhookId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_deliveries.TryGetValue(webhookId, out var delivery))
            {
                _deliveries[webhookId] = delivery with { Done = true };
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<WebhookClaim>> ListPendingDeliveriesAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<WebhookClaim>>([.. _deliveries.Values.Where(d => !d.Done).OrderBy(d => d.Order).Select(d => d.Claim)]);
        }
    }

    /// <inheritdoc />
    public Task MarkEvaluationPendingAsync(string sceneId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sceneId);
        lock (_gate)
        {
            _pendingEvaluations[sceneId] = (++_marks, DateTimeOffset.UtcNow, null);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task AssignEvaluationJobAsync(string sceneId, string jobId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sceneId);
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        lock (_gate)
        {
            if (_pendingEvaluations.TryGetValue(sceneId, out var pending))
            {
                _pendingEvaluations[sceneId] = pending with { JobId = jobId };
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task CompleteEvaluationAsync(string sceneId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sceneId);
        lock (_gate)
        {
            _pendingEvaluations.Remove(sceneId);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<PendingEvaluation>> ListPendingEvaluationsAsync(DateTimeOffset markedBefore, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<PendingEvaluation>>(
                [.. _pendingEvaluations.Where(p => p.Value.At < markedBefore).OrderBy(p => p.Value.Mark).Select(p => new PendingEvaluation(p.Key, p.Value.JobId))]);
        }
    }
}
