using System.Text.Json;
using EarthData.Testing;

namespace EarthData.Samples.Tests;

/// <summary>Runs the real <c>gdalinfo -json</c> command-line tool: an independent reader of what we wrote.</summary>
internal static class GdalInfo
{
    public static JsonElement Json(string path)
    {
        var result = ExternalTool.Run("gdalinfo", "-json", path);
        Assert.True(result.ExitCode == 0, $"gdalinfo failed: {result.Stderr}");
        return JsonDocument.Parse(result.Stdout).RootElement.Clone();
    }
}
