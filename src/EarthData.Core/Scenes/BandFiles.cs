namespace EarthData.Core.Scenes;

/// <summary>The files of one band of a scene in an archive-layout folder.</summary>
/// <param name="Band">The band number.</param>
/// <param name="TiffPath">Full path of the band GeoTIFF.</param>
/// <param name="XmlPath">Full path of the band's INPE metadata XML.</param>
public sealed record BandFiles(int Band, string TiffPath, string XmlPath);
