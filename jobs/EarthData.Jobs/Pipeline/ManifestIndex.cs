namespace EarthData.Jobs.Pipeline;

/// <summary>One index COG of a processed scene, as <c>manifest.json</c> lists it.</summary>
/// <param name="AssetKey">The STAC asset key and object name (<c>ndvi</c>, <c>ndwi</c>, <c>evi</c>, <c>savi</c>).</param>
/// <param name="File">The COG in the work directory.</param>
public sealed record ManifestIndex(string AssetKey, ManifestFile File);
