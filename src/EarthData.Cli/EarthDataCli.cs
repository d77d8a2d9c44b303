using System.CommandLine;
using EarthData.Cli.Commands;

namespace EarthData.Cli;

/// <summary>Builds the <c>earthdata</c> command tree and runs it.</summary>
public static class EarthDataCli
{
    /// <summary>Parses <paramref name="args"/>, runs the chosen command and returns its exit code.</summary>
    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out, Console.Error);

    /// <summary>Runs with explicit output writers (used by tests).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        var root = BuildRoot(stdout, stderr);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // Some parser messages span lines (e.g. the list of allowed values): keep the CLI's one-line contract.
            var message = parsed.Errors[0].Message.ReplaceLineEndings(" ").Trim();
            await stderr.WriteLineAsync($"error: {message} (see 'earthdata --help')").ConfigureAwait(false);
            return CommandRunner.UsageError;
        }

        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr };
        return await parsed.InvokeAsync(configuration).ConfigureAwait(false);
    }

    private static RootCommand BuildRoot(TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("EarthData: CBERS scenes to Cloud-Optimized GeoTIFFs, XYZ tiles, STAC and disaster alerts.")
        {
            SamplesCommand.Create(stdout, stderr),
            SceneCommand.Create(stdout, stderr),
            TileCommand.Create(stdout, stderr),
            BenchCommand.Create(stdout, stderr),
            ServeCommand.Create(stdout, stderr),
            CogCommand.Create(stdout, stderr),
            PublishCommand.Create(stdout, stderr),
            IngestCommand.Create(stdout, stderr),
            WorkerCommand.Create(stdout, stderr),
        };
        return root;
    }
}
