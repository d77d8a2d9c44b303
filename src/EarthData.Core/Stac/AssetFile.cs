namespace EarthData.Core.Stac;

/// <summary>A published file the caller hands to an item builder.</summary>
/// <param name="Href">Where clients fetch it (absolute URI or path relative to the item).</param>
/// <param name="Size">Size in bytes (STAC <c>file:size</c>), when known.</param>
/// <param name="Checksum">Multihash as lowercase hex (STAC <c>file:checksum</c>, e.g. from <see cref="Multihash.Sha256"/>), when known.</param>
public sealed record AssetFile(string Href, long? Size = null, string? Checksum = null);
