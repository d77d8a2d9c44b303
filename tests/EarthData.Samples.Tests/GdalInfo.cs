using System.Diagnostics;
using System.Text.Json;

namespace EarthData.Samples.Tests;

/// <summary>Runs the real <c>gdalinfo -json</c> command-line tool: an independent reader of what we wrote.</summary>
internal static class GdalInfo
{
    public static JsonElement Json(string path)
    {
        var start = new ProcessStartInfo("gdalinfo", ["-json", path]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("gdalinfo did not start");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"gdalinfo failed: {process.StandardError.ReadToEnd()}");
        return JsonDocument.Parse(output).RootElement.Clone();
    }
}
