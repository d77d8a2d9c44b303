using System.Diagnostics;
using System.Globalization;

namespace EarthData.AbuseBench;

/// <summary>This process's CPU time and resident memory (Linux <c>/proc/self/status</c>).</summary>
internal static class ProcessStats
{
    public static TimeSpan Cpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>Resident set size in MiB.</summary>
    public static double RssMiB()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kib = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                return kib / 1024.0;
            }
        }

        return double.NaN;
    }
}
