namespace EarthData.Server.Tests;

/// <summary>An embedded server with pipeline workers (in-memory jobs), a known API key and small, fast stages.</summary>
public class PipelineServer : RunningServer
{
    public const string ApiKey = "test-key-0123456789abcdef";

    public string DropFolder => Path.Combine(DataDirectory, "drop");

    protected override bool RunWorkers => true;

    protected override Dictionary<string, string?> Settings => new(base.Settings)
    {
        ["EarthData:Api:Key"] = ApiKey,
        ["EarthData:Pipeline:Threads"] = "2",
        ["EarthData:Pipeline:Layers"] = "true-color",
        ["EarthData:Pipeline:RetryDelay"] = "00:00:01",
    };
}
