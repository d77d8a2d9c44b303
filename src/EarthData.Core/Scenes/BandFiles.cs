namespace EarthData.Core.Scenes;

/// <summary>The files of one band of a scene in an archive-layout folder.</summary>
/// <param name="Band">The band number.</param>
/// <param name="TiffPath">Full path of the band GeoTIFF.</param>
/// <param name="XmlPath">
/// Full path of the INPE metadata XML that describes the band: its own <c>…_BANDn.xml</c> when the folder has one,
/// else the scene's XML of the lowest band (every INPE XML lists the calibration of every band of the scene).
/// </param>
public sealed record BandFiles(int Band, string TiffPath, string XmlPath)
{
    /// <summary>Whether <see cref="XmlPath"/> is the band's own XML rather than another band's.</summary>
    public bool HasOwnXml => BandFileName.TryParse(Path.GetFileName(XmlPath), out var name) && name.Band == Band;
}
