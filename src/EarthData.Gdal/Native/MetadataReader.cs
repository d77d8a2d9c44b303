namespace EarthData.Gdal.Native;

/// <summary>Reads GDAL metadata lists (<c>KEY=VALUE</c> entries owned by the object).</summary>
internal static class MetadataReader
{
    public static Dictionary<string, string> Read(nint majorObject, string? domain)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in NativeStrings.CopyList(NativeMethods.GDALGetMetadata(majorObject, domain)))
        {
            var separator = entry.IndexOf('=', StringComparison.Ordinal);
            if (separator < 0)
            {
                result[entry] = string.Empty;
            }
            else
            {
                result[entry[..separator]] = entry[(separator + 1)..];
            }
        }

        return result;
    }
}
