namespace EarthData.Cli;

/// <summary>The data directory of the embedded default: <c>--data</c>, else <c>EARTHDATA_DATA</c>, else <c>./data</c>.</summary>
internal static class DataDirectory
{
    public static string Resolve(string? option)
    {
        var chosen = !string.IsNullOrWhiteSpace(option) ? option
            : Environment.GetEnvironmentVariable("EARTHDATA_DATA") is { Length: > 0 } fromEnvironment ? fromEnvironment
            : "data";
        return Path.GetFullPath(chosen);
    }
}
