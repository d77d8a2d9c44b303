using EarthData.Alerts.Stores;
using EarthData.Core.Alerts;

namespace EarthData.Storage.Tests.Alerts;

/// <summary>The conformance suite on the in-memory stores (tests and the SQL stores' reference).</summary>
public sealed class InMemoryAlertStoreTests : AlertStoreConformanceTests
{
    private readonly InMemoryAlertStore _alerts = new();
    private readonly InMemorySubscriptionStore _subscriptions = new();

    protected override Task<(IAlertStore Alerts, ISubscriptionStore Subscriptions)> OpenAsync() =>
        Task.FromResult<(IAlertStore, ISubscriptionStore)>((_alerts, _subscriptions));

    protected override Task DropAsync() => Task.CompletedTask;
}
