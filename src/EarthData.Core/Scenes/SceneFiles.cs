namespace EarthData.Core.Scenes;

/// <summary>A located scene folder: its id and, for every band of its camera, the GeoTIFF and the XML describing it.</summary>
/// <param name="Id">The scene (the folder name).</param>
/// <param name="Directory">Full path of the scene folder.</param>
/// <param name="Bands">One entry per camera band, ascending by band number.</param>
public sealed record SceneFiles(SceneId Id, string Directory, IReadOnlyList<BandFiles> Bands)
{
    /// <summary>The INPE XML files of the scene (one per band, or fewer), each once, ascending by band.</summary>
    public IReadOnlyList<string> MetadataXml => [.. Bands.Select(b => b.XmlPath).Distinct(StringComparer.Ordinal)];

    /// <summary>The files of <paramref name="band"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The scene has no such band.</exception>
    public BandFiles Band(int band) =>
        Bands.FirstOrDefault(b => b.Band == band) ?? throw new ArgumentOutOfRangeException(nameof(band), band, $"{Id} has no band {band}.");
}
