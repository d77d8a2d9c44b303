namespace EarthData.Core.Stac;

/// <summary>
/// Schema URIs of the STAC extensions the CBERS items use: the newest published version of each that fits
/// STAC 1.1.0 (eo v2 and raster v2 put band fields into the common <c>bands</c> array; projection v1.2 has <c>proj:code</c> and still admits <c>proj:epsg</c>).
/// </summary>
public static class StacExtensionSchemas
{
    /// <summary>Electro-optical: band wavelengths, common names, cloud cover.</summary>
    public const string Eo = "https://stac-extensions.github.io/eo/v2.0.0/schema.json";

    /// <summary>
    /// Projection: <c>proj:code</c>, shape, transform, bbox in the raster CRS. v1.2.0 rather than v2.0.0 because it also
    /// allows the deprecated <c>proj:epsg</c>, which GDAL's STACIT driver before 3.10 requires (Debian ships GDAL 3.6).
    /// </summary>
    public const string Projection = "https://stac-extensions.github.io/projection/v1.2.0/schema.json";

    /// <summary>View geometry: sun and viewing angles.</summary>
    public const string View = "https://stac-extensions.github.io/view/v1.1.0/schema.json";

    /// <summary>Satellite: orbit state and platform designator.</summary>
    public const string Sat = "https://stac-extensions.github.io/sat/v1.2.0/schema.json";

    /// <summary>Raster: scale/offset and sampling per band.</summary>
    public const string Raster = "https://stac-extensions.github.io/raster/v2.0.0/schema.json";

    /// <summary>File info: size and multihash checksum.</summary>
    public const string File = "https://stac-extensions.github.io/file/v2.1.0/schema.json";

    /// <summary>Processing: level and software.</summary>
    public const string Processing = "https://stac-extensions.github.io/processing/v1.2.0/schema.json";

    /// <summary>Tiled assets: tile matrix sets, limits and asset templates (read by GDAL's STACTA driver).</summary>
    public const string TiledAssets = "https://stac-extensions.github.io/tiled-assets/v1.0.0/schema.json";
}
