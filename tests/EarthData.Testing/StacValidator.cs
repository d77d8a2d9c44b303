namespace EarthData.Testing;

/// <summary>
/// Runs the real <c>stac-node-validator</c> (installed by tests/run.sh) against the offline official STAC schemas,
/// exactly as tests/fixtures/SOURCES.md prescribes.
/// </summary>
public static class StacValidator
{
    private static readonly string[] SchemaHosts = ["schemas.stacspec.org", "stac-extensions.github.io", "geojson.org", "proj.org"];

    /// <summary>Validates <paramref name="files"/> and returns the tool's result (exit 0 and "Passed: N" when all pass).</summary>
    public static Task<ToolResult> ValidateAsync(IReadOnlyCollection<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var validator = Path.Combine(TestServers.NodeTools, "node_modules", ".bin", "stac-node-validator");
        if (!File.Exists(validator))
        {
            throw new InvalidOperationException($"stac-node-validator not found at {validator}: run tests/run.sh.");
        }

        var arguments = new List<string> { "--verbose" };
        arguments.AddRange(files);
        foreach (var host in SchemaHosts)
        {
            arguments.Add("--schemaMap");
            arguments.Add($"https://{host}/={Path.Combine(SharedData.StacSchemas, host)}/");
        }

        return ExternalTool.RunAsync(validator, arguments);
    }

    /// <summary>Whether the output says every one of <paramref name="count"/> files passed and none was skipped.</summary>
    public static bool AllPassed(ToolResult result, int count)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.ExitCode == 0
            && result.Output.Contains($"Passed: {count}", StringComparison.Ordinal)
            && result.Output.Contains("Skipped: 0", StringComparison.Ordinal);
    }
}
