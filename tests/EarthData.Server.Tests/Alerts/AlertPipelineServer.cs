namespace EarthData.Server.Tests.Alerts;

/// <summary>The embedded server with pipeline workers of <see cref="PipelineServer"/>, allowed to post webhooks to loopback receivers.</summary>
public sealed class AlertPipelineServer : PipelineServer
{
    protected override Dictionary<string, string?> Settings => new(base.Settings)
    {
        ["EarthData:Webhooks:AllowPrivateTargets"] = "true",
    };
}
