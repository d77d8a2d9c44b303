using System.Diagnostics;
using System.Text;

namespace EarthData.Gdal.Tests.Child;

/// <summary>What a child scenario printed and how it ended.</summary>
internal sealed record ChildResult(int ExitCode, string Output)
{
    /// <summary>A message for assertions: exit code (signals show as 128 + n, e.g. 139 = SIGSEGV) and the output.</summary>
    public override string ToString() => $"exit code {ExitCode}; output:\n{Output}";

    /// <summary>Whether the scenario exited with 0 (no crash, no failed check).</summary>
    public bool Succeeded => ExitCode == 0;
}

/// <summary>Runs a <see cref="ChildScenarios"/> scenario in a fresh process, so a native crash fails a test instead of the host.</summary>
internal static class ChildProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static ChildResult Run(params string[] scenario)
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath ? hostPath : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        foreach (var arg in scenario)
        {
            start.ArgumentList.Add(arg);
        }

        // Workstation GC, so forced collections run the finalizers of leaked handles on the one finalizer thread.
        start.Environment["DOTNET_gcServer"] = "0";
        start.Environment["DOTNET_DbgEnableMiniDump"] = "0";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Cannot start the child process.");
        var output = new StringBuilder();
        var gate = new Lock();
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new ChildResult(-1, $"timed out after {Timeout}\n{output}");
        }

        process.WaitForExit();
        return new ChildResult(process.ExitCode, output.ToString());

        void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (gate)
            {
                output.AppendLine(line);
            }
        }
    }
}
