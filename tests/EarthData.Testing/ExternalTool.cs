using System.Diagnostics;

namespace EarthData.Testing;

/// <summary>The outcome of running a command-line tool.</summary>
/// <param name="ExitCode">The process exit code.</param>
/// <param name="Stdout">Everything written to standard output.</param>
/// <param name="Stderr">Everything written to standard error.</param>
public sealed record ToolResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Stdout and stderr together, for assertion messages.</summary>
    public string Output => Stdout + Stderr;
}

/// <summary>Runs real command-line tools (gdalinfo, gdal2tiles.py, validators) as independent clients of what we write.</summary>
public static class ExternalTool
{
    /// <summary>Runs <paramref name="fileName"/> with <paramref name="arguments"/> and waits up to <paramref name="timeout"/> (default 5 min).</summary>
    public static async Task<ToolResult> RunAsync(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', start.ArgumentList)} did not finish in time");
        }

        return new ToolResult(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
    }

    /// <summary>Runs a tool synchronously (for fixtures and constructors).</summary>
    public static ToolResult Run(string fileName, params string[] arguments) =>
        RunAsync(fileName, arguments).GetAwaiter().GetResult();
}
