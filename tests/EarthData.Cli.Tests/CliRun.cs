namespace EarthData.Cli.Tests;

/// <summary>Runs the CLI in-process and captures its exit code, stdout and stderr.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public static async Task<CliRun> Of(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await EarthDataCli.RunAsync(args, stdout, stderr);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    public static string SharedFixtures()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "shared"), Path.Combine(dir.FullName, "..", "shared") })
            {
                var fixtures = Path.Combine(candidate, "fixtures");
                if (Directory.Exists(fixtures))
                {
                    return Path.GetFullPath(fixtures);
                }
            }
        }

        throw new DirectoryNotFoundException("shared/fixtures not found beside the repository");
    }
}
