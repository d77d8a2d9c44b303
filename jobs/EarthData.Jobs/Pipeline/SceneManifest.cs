using EarthData.Core.Stac;

namespace EarthData.Jobs.Pipeline;

/// <summary>
/// What <see cref="SceneProcessor"/> produced for a scene, written last as <c>manifest.json</c> in the work directory:
/// its presence means every listed output is complete, so a re-run can reuse them.
/// </summary>
public sealed record SceneManifest
{
    /// <summary>The file name of the manifest in the work directory.</summary>
    public const string FileName = "manifest.json";

    /// <summary>The scene id (also the STAC item id).</summary>
    public required string SceneId { get; init; }

    /// <summary>The STAC collection id.</summary>
    public required string Collection { get; init; }

    /// <summary>The Web Mercator DN COG (all default bands of the scene, asset <c>visual</c>).</summary>
    public required ManifestFile Cog { get; init; }

    /// <summary>The native zoom of the COG.</summary>
    public required int NativeZoom { get; init; }

    /// <summary>Band descriptions of the COG in band order (common names).</summary>
    public required IReadOnlyList<string> CogBands { get; init; }

    /// <summary>The COG's grid as the projection extension writes it: <c>proj:shape</c> ([rows, columns]).</summary>
    public required IReadOnlyList<int> CogShape { get; init; }

    /// <summary>The COG's grid as the projection extension writes it: <c>proj:transform</c> (row-major a..f).</summary>
    public required IReadOnlyList<double> CogTransform { get; init; }

    /// <summary>
    /// Statistics and stretch cuts of the COG's bands in band order (null for an alpha band), computed once by the
    /// process stage (<see cref="Imaging.Layers.SceneStatistics"/>); every tile of the scene is drawn with these cuts and
    /// the item stores them. Null in manifests written before they existed: rendering then estimates the cuts.
    /// </summary>
    public IReadOnlyList<RasterBandStatistics?>? CogStatistics { get; init; }

    /// <summary>STAC <c>eo:cloud_cover</c> estimated from the COG (percent), or null where the camera or its calibration does not allow it.</summary>
    public double? CloudCover { get; init; }

    /// <summary>The PNG thumbnail.</summary>
    public required ManifestFile Thumbnail { get; init; }

    /// <summary>Copies of the scene's INPE XML files (one per band, or fewer: one XML may describe every band), ascending by band number.</summary>
    public required IReadOnlyList<ManifestFile> MetadataXml { get; init; }

    /// <summary>Copies of the band GeoTIFFs, ascending by band, when they are published (<see cref="SceneProcessingOptions.PublishOriginals"/>); else null.</summary>
    public IReadOnlyList<ManifestFile>? OriginalBands { get; init; }

    /// <summary>The TOA index COGs (<see cref="SceneProcessingOptions.IndexAssets"/>), in request order; null or empty when none were written.</summary>
    public IReadOnlyList<ManifestIndex>? Indices { get; init; }

    /// <summary>Requested indices the scene does not allow, by asset key, with the reason (the item carries them).</summary>
    public IReadOnlyDictionary<string, string>? UnavailableIndices { get; init; }

    /// <summary>The rendered tile pyramids, in the order requested.</summary>
    public required IReadOnlyList<ManifestLayer> Layers { get; init; }

    /// <summary>The options the outputs were made with, to tell whether they can be reused.</summary>
    public required string OptionsFingerprint { get; init; }
}
