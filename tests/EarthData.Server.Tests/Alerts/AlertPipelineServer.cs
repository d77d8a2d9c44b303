namespace EarthData.Server.Tests.Alerts;

/// <summary>An embedded server with pipeline workers (in-memory jobs, SQLite catalogue) that may post webhooks to loopback receivers.</summary>
public sealed class AlertPipelineServer : RunningServer
{
    public const string ApiKey = "test-key-alerts-0123456789";

    public string DropFolder => Path.Combine(DataDirectory, "drop");

    protected override bool RunWorkers => true;

    protected override Dictionary<string, string?> Settings => new(base.Settings)
    {
        ["EarthData:Api:Key"] = ApiKey,
        ["EarthData:Pipeline:Threads"] = "2",
        ["EarthData:Pipeline:Layers"] = "true-color",
        ["EarthData:Pipeline:RetryDelay"] = "00:00:01",
        ["EarthData:Webhooks:AllowPrivateTargets"] = "true",
    };
}
