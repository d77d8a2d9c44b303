namespace EarthData.Server.Alerts;

/// <summary>How often the SSE stream looks for new messages in the alert store.</summary>
/// <param name="PollInterval">The polling interval (<c>EarthData:Alerts:StreamPollMilliseconds</c>).</param>
public sealed record AlertStreamOptions(TimeSpan PollInterval);
