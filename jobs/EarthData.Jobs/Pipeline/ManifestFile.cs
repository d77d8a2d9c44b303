namespace EarthData.Jobs.Pipeline;

/// <summary>One file of a processed scene's work directory, as <c>manifest.json</c> lists it.</summary>
/// <param name="Path">Path relative to the work directory, '/'-separated.</param>
/// <param name="Size">Size in bytes.</param>
/// <param name="Checksum">SHA2-256 multihash as lowercase hex (<c>1220…</c>, STAC <c>file:checksum</c>).</param>
public sealed record ManifestFile(string Path, long Size, string Checksum);
