namespace EarthData.Core.Stac;

/// <summary>A published file the caller hands to an item builder.</summary>
/// <param name="Href">Where clients fetch it (absolute URI or path relative to the item).</param>
/// <param name="Size">Size in bytes (STAC <c>file:size</c>), when known.</param>
/// <param name="Checksum">Multihash as lowercase hex (STAC <c>file:checksum</c>, e.g. from <see cref="Multihash.Sha256"/>), when known.</param>
public sealed record AssetFile(string Href, long? Size = null, string? Checksum = null)
{
    /// <summary>
    /// The file's pixel grid as <c>proj:shape</c> (<c>[rows, columns]</c>), when it is not the item's grid (e.g. a Web Mercator
    /// COG); give it with <see cref="Transform"/>.
    /// </summary>
    public IReadOnlyList<int>? Shape { get; init; }

    /// <summary>The file's <c>proj:transform</c> (<c>[xres, 0, west, 0, -yres, north]</c> in the file's CRS), with <see cref="Shape"/>.</summary>
    public IReadOnlyList<double>? Transform { get; init; }
}
