using EarthData.Core.Alerts;

namespace EarthData.Server.Tests.Alerts;

/// <summary>A real server on a loopback port with an API key configured and a fast SSE poll, for the alert endpoints.</summary>
public sealed class AlertServer : RunningServer
{
    public const string ApiKey = "test-key-0123456789";

    public IAlertStore Alerts => Service<IAlertStore>();

    protected override Dictionary<string, string?> Settings => new(base.Settings)
    {
        ["EarthData:Api:Key"] = ApiKey,
        ["EarthData:Alerts:StreamPollMilliseconds"] = "100",
        ["EarthData:Alerts:Sender"] = "earthdata@test.example",
    };
}
