using EarthData.Jobs.Background;

namespace EarthData.Server.Alerts;

/// <summary>
/// <c>EarthData:Alerts:PendingEvaluationAge</c>: how long an alert evaluation must have been pending before the
/// recurring <see cref="SweepPendingEvaluations"/> job re-enqueues it (when no live job carries it). Longer than a
/// publish takes from recording the evaluation to enqueueing it, so the sweep never races a healthy publish.
/// </summary>
internal sealed record PendingEvaluationSweep(TimeSpan Age)
{
    /// <summary>The default age: five minutes.</summary>
    public static TimeSpan DefaultAge { get; } = TimeSpan.FromMinutes(5);

    /// <summary>Reads and validates the setting.</summary>
    /// <exception cref="ArgumentException">The value is not a duration of at least one second.</exception>
    public static PendingEvaluationSweep Load(IConfiguration configuration)
    {
        var text = configuration["EarthData:Alerts:PendingEvaluationAge"];
        if (string.IsNullOrWhiteSpace(text))
        {
            return new PendingEvaluationSweep(DefaultAge);
        }

        if (!TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var age) || age < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentException($"EarthData:Alerts:PendingEvaluationAge: '{text}' is not a duration of at least one second (hh:mm:ss, e.g. 00:05:00)");
        }

        return new PendingEvaluationSweep(age);
    }
}
