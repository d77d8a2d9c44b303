using EarthData.Core.Indices;
using EarthData.Imaging.Layers;

namespace EarthData.Jobs.Pipeline;

/// <summary>How <see cref="SceneProcessor"/> renders a scene.</summary>
public sealed record SceneProcessingOptions
{
    /// <summary>The layers rendered as tile pyramids; default <c>true-color</c> and <c>false-color</c>.</summary>
    public IReadOnlyList<LayerDefinition> Layers { get; init; } = [LayerDefinition.TrueColor, LayerDefinition.FalseColor];

    /// <summary>Coarsest zoom; null = the zoom at which the scene fits about one tile.</summary>
    public int? MinZoom { get; init; }

    /// <summary>Finest zoom; null = the COG's native zoom.</summary>
    public int? MaxZoom { get; init; }

    /// <summary>Longest side of the thumbnail in pixels; default 256.</summary>
    public int ThumbnailSize { get; init; } = 256;

    /// <summary>Worker threads for warping, compression and tiling; default the processor count.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Whether the band GeoTIFFs are published too (<c>originals/{collection}/{id}/…_BAND{n}.tif</c>, item assets
    /// <c>B{n}</c>), so that the item carries the scene as the archive lays it out and another EarthData can ingest it
    /// from this STAC API; default false (the COG holds the same digital numbers).
    /// </summary>
    public bool PublishOriginals { get; init; }

    /// <summary>
    /// The spectral indices written as COG assets of the item (<c>cogs/{collection}/{id}/{ndvi|ndwi|evi|savi}.tif</c>), on
    /// TOA reflectance; default NDVI, NDWI, EVI and SAVI; empty writes none. Indices the camera cannot give (SWIR, no
    /// calibration) are skipped and the item says why.
    /// </summary>
    public IReadOnlyList<SpectralIndex> IndexAssets { get; init; } = DefaultIndexAssets;

    /// <summary>The default <see cref="IndexAssets"/>: every index a 4-band CBERS camera allows.</summary>
    public static IReadOnlyList<SpectralIndex> DefaultIndexAssets { get; } = [SpectralIndex.Ndvi, SpectralIndex.Ndwi, SpectralIndex.Evi, SpectralIndex.Savi];

    /// <summary>A stable text of every option that changes the outputs (threads do not).</summary>
    public string Fingerprint() => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"layers={string.Join(',', Layers.Select(l => l.Name))};zoom={MinZoom}-{MaxZoom};thumb={ThumbnailSize}-footprint;stretch=common-mask;stats=stored;png{(PublishOriginals ? ";originals" : string.Empty)};indices={string.Join(',', IndexAssets.Select(i => Core.Indices.IndexDefinition.Of(i).AssetKey))}-int16");
}
