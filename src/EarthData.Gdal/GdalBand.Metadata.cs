using EarthData.Gdal.Native;

namespace EarthData.Gdal;

public sealed partial class GdalBand
{
    /// <summary>The band's metadata of a domain (default domain when null) as key/value pairs, in GDAL's order.</summary>
    public IReadOnlyDictionary<string, string> GetMetadata(string? domain = null)
    {
        using var lease = Lease();
        return MetadataReader.Read(_band, domain);
    }

    /// <summary>Sets one metadata item of the band in a domain (default domain when null).</summary>
    public void SetMetadataItem(string name, string value, string? domain = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        using var lease = Lease();
        using var scope = new GdalErrorScope();
        var result = NativeMethods.GDALSetMetadataItem(_band, name, value, domain);
        scope.ThrowIfFailed(result != 0, Context($"Setting metadata '{name}'"));
    }
}
