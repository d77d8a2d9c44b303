namespace EarthData.Alerts.Webhooks;

/// <summary>The result of one delivery attempt.</summary>
/// <param name="Outcome">What became of it.</param>
/// <param name="Attempt">The attempt number (1-based).</param>
/// <param name="StatusCode">The HTTP status, when the endpoint answered.</param>
/// <param name="RetryAfter">The delay before the next attempt when <see cref="DeliveryOutcome.RetryLater"/>.</param>
/// <param name="Detail">Why it failed, one line.</param>
public sealed record DeliveryResult(DeliveryOutcome Outcome, int Attempt, int? StatusCode, TimeSpan? RetryAfter, string? Detail);
