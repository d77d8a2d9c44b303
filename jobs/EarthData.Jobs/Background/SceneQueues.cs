namespace EarthData.Jobs.Background;

/// <summary>The Hangfire queues: one per stage, plus <c>alerts</c> (alert evaluation and webhook delivery).</summary>
public static class SceneQueues
{
    /// <summary>Ingest jobs and the discovery round.</summary>
    public const string Ingest = "ingest";

    /// <summary>COG jobs.</summary>
    public const string Process = "process";

    /// <summary>Tile pyramid jobs.</summary>
    public const string Tile = "tile";

    /// <summary>STAC commit jobs.</summary>
    public const string Publish = "publish";

    /// <summary>Alert evaluation (<see cref="EvaluateAlerts"/>) and webhook delivery (<see cref="DeliverWebhook"/>).</summary>
    public const string Alerts = "alerts";

    /// <summary>Every queue, in the order a worker serves them by default (later stages first, so scenes finish).</summary>
    public static IReadOnlyList<string> All { get; } = [Publish, Tile, Process, Ingest, Alerts];
}
