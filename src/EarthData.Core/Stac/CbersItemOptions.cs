namespace EarthData.Core.Stac;

/// <summary>What the caller knows about a scene's published files, for <see cref="CbersItemBuilder"/>. Every member is optional.</summary>
public sealed record CbersItemOptions
{
    /// <summary>The archive band GeoTIFFs (UTM, DN) by band number: assets <c>B{n}</c> with role <c>data</c>.</summary>
    public IReadOnlyDictionary<int, AssetFile>? OriginalBands { get; init; }

    /// <summary>The EPSG:3857 COGs by band number: assets <c>B{n}_cog</c> with roles <c>data</c>, <c>cog</c>.</summary>
    public IReadOnlyDictionary<int, AssetFile>? CogBands { get; init; }

    /// <summary>Thumbnail (PNG): asset <c>thumbnail</c>.</summary>
    public AssetFile? Thumbnail { get; init; }

    /// <summary>The INPE metadata XML: asset <c>metadata</c>.</summary>
    public AssetFile? MetadataXml { get; init; }

    /// <summary>The rendered XYZ pyramid: tiled-assets properties and <c>asset_templates</c>.</summary>
    public TilePyramid? Tiles { get; init; }

    /// <summary>Cloud cover in percent, when computed (<c>eo:cloud_cover</c>; INPE's XML has none).</summary>
    public double? CloudCover { get; init; }

    /// <summary>Version written in <c>processing:software</c>; defaults to the EarthData.Core assembly version.</summary>
    public string? SoftwareVersion { get; init; }

    /// <summary>When the item was produced (<c>processing:datetime</c> and <c>created</c>/<c>updated</c>), when given.</summary>
    public DateTime? ProcessedAt { get; init; }

    /// <summary>Links to add (<c>self</c>, <c>parent</c>, <c>collection</c>, <c>root</c>).</summary>
    public IReadOnlyList<StacLink>? Links { get; init; }

    /// <summary>Further assets (index COGs, masks) added as given.</summary>
    public IReadOnlyDictionary<string, StacAsset>? ExtraAssets { get; init; }
}
