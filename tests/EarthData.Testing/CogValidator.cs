namespace EarthData.Testing;

/// <summary>GDAL's own <c>validate_cloud_optimized_geotiff.py</c>, run with the system Python that has osgeo.</summary>
public static class CogValidator
{
    private const string Script = "/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_cloud_optimized_geotiff.py";

    /// <summary>Runs the validator on <paramref name="path"/>.</summary>
    public static ToolResult Run(string path) => ExternalTool.Run("/usr/bin/python3", Script, path);

    /// <summary>Whether the validator accepted the file.</summary>
    public static bool IsValid(ToolResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.ExitCode == 0 && result.Stdout.Contains("is a valid cloud optimized GeoTIFF", StringComparison.Ordinal);
    }
}
