using System.CommandLine;

namespace EarthData.Cli;

/// <summary>Builds the <c>earthdata</c> command tree and runs it.</summary>
public static class EarthDataCli
{
    /// <summary>Parses <paramref name="args"/>, runs the chosen command and returns its exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("EarthData: CBERS scenes to COGs, tiles, STAC and disaster alerts.");
        return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
    }
}
