using System.Globalization;

namespace EarthData.Jobs.State;

/// <summary>Leases and retries of the pipeline (configuration section <c>EarthData:Pipeline</c>).</summary>
public sealed record SceneStateOptions
{
    /// <summary>How long a stage lease lasts unless renewed; renewed every third of it while the stage runs. Default 2 min.</summary>
    /// <remarks>A worker killed mid-stage blocks that stage of that scene for at most this long.</remarks>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Attempts of one stage before a transient fault leaves the scene <c>Failed</c>; default 5.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>Delay before the first retry; doubled on each later attempt. Default 15 s.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>The longest delay between retries; default 10 min.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How this process names itself in leases; default <c>{machine}:{pid}:{random}</c>.</summary>
    public string WorkerId { get; init; } = string.Create(CultureInfo.InvariantCulture,
        $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}");

    /// <summary>The delay before retry number <paramref name="attempt"/> (1 = the first retry).</summary>
    public TimeSpan RetryDelayFor(int attempt)
    {
        var factor = Math.Pow(2, Math.Clamp(attempt - 1, 0, 30));
        return TimeSpan.FromTicks((long)Math.Min(MaxRetryDelay.Ticks, RetryDelay.Ticks * factor));
    }

    /// <summary>Every problem with the options, one line each.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (LeaseDuration < TimeSpan.FromSeconds(3))
        {
            problems.Add($"EarthData:Pipeline:LeaseDuration: {LeaseDuration}: use at least 00:00:03");
        }

        if (MaxAttempts is < 1 or > 100)
        {
            problems.Add($"EarthData:Pipeline:MaxAttempts: {MaxAttempts}: use 1-100");
        }

        if (RetryDelay < TimeSpan.Zero || MaxRetryDelay < RetryDelay)
        {
            problems.Add("EarthData:Pipeline:RetryDelay must be >= 0 and <= EarthData:Pipeline:MaxRetryDelay");
        }

        if (string.IsNullOrWhiteSpace(WorkerId))
        {
            problems.Add("EarthData:Pipeline:WorkerId must not be empty");
        }

        return problems;
    }
}
