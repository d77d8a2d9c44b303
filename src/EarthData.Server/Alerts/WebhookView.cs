namespace EarthData.Server.Alerts;

/// <summary>A subscription's webhook as the API shows it (never the secret).</summary>
/// <param name="Url">The target URL.</param>
/// <param name="Enabled">False once disabled (e.g. the endpoint answered 410 Gone).</param>
/// <param name="DisabledReason">Why it was disabled.</param>
public sealed record WebhookView(string Url, bool Enabled, string? DisabledReason);
