namespace EarthData.Alerts.Webhooks;

/// <summary>
/// When failed deliveries are retried: the Standard Webhooks recommended schedule — immediately, then after 5 s,
/// 5 min, 30 min, 2 h, 5 h, 10 h and 10 h (about 27.6 hours in all) — each delay with up to 10 % jitter added so that
/// many endpoints failing together do not retry in step.
/// </summary>
public sealed class WebhookRetryPolicy
{
    private static readonly TimeSpan[] DefaultSchedule =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2),
        TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(10),
    ];

    private readonly TimeSpan[] _schedule;

    /// <summary>The default schedule.</summary>
    public WebhookRetryPolicy()
        : this(DefaultSchedule)
    {
    }

    /// <summary>A custom schedule: the delay before attempt 2, 3, …</summary>
    public WebhookRetryPolicy(IReadOnlyList<TimeSpan> schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        _schedule = [.. schedule];
    }

    /// <summary>Attempts in all (the first plus one per delay).</summary>
    public int MaxAttempts => _schedule.Length + 1;

    /// <summary>
    /// The delay before attempt <paramref name="attempt"/> + 1 after attempt <paramref name="attempt"/> (1-based)
    /// failed, or null when no attempt is left.
    /// </summary>
    /// <param name="attempt">The attempt that failed.</param>
    /// <param name="jitter">A value in [0, 1) scaling the 10 % jitter (e.g. <see cref="Random.NextDouble"/>).</param>
    public TimeSpan? DelayAfter(int attempt, double jitter = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(attempt);
        return attempt > _schedule.Length ? null : _schedule[attempt - 1] * (1 + (0.1 * Math.Clamp(jitter, 0, 1)));
    }
}
