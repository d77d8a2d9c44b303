using EarthData.Core.Scenes;

namespace EarthData.Core.Indices;

/// <summary>
/// What an index needs: the STAC common names of its bands. <see cref="Availability"/> tells, for a camera, whether the
/// index can be computed and, when not, why.
/// </summary>
/// <param name="Index">The index.</param>
/// <param name="AssetKey">Asset key of the index COG on the item, e.g. <c>ndvi</c>.</param>
/// <param name="Bands">Common names of the bands read, in kernel argument order.</param>
public sealed record IndexDefinition(SpectralIndex Index, string AssetKey, IReadOnlyList<string> Bands)
{
    /// <summary>Why SWIR indices are never computed on the cameras EarthData ingests.</summary>
    public const string NoSwirReason =
        "needs a SWIR band: CBERS-4 IRS (the only CBERS SWIR camera) is absent from the public archive and CBERS-4A carries none";

    /// <summary>Every index, in enum order.</summary>
    public static IReadOnlyList<IndexDefinition> All { get; } =
    [
        new(SpectralIndex.Ndvi, "ndvi", ["nir", "red"]),
        new(SpectralIndex.Ndwi, "ndwi", ["green", "nir"]),
        new(SpectralIndex.Evi, "evi", ["nir", "red", "blue"]),
        new(SpectralIndex.Savi, "savi", ["nir", "red"]),
        new(SpectralIndex.Mndwi, "mndwi", ["green", "swir16"]),
        new(SpectralIndex.Ndmi, "ndmi", ["nir", "swir16"]),
        new(SpectralIndex.Nbr, "nbr", ["nir", "swir22"]),
    ];

    /// <summary>The definition of <paramref name="index"/>.</summary>
    public static IndexDefinition Of(SpectralIndex index) => All[(int)index];

    /// <summary>
    /// Null when <paramref name="camera"/> has every band the index reads; otherwise the reason it cannot be computed
    /// (missing SWIR gets <see cref="NoSwirReason"/>).
    /// </summary>
    public string? Availability(CameraSpec camera)
    {
        ArgumentNullException.ThrowIfNull(camera);
        var missing = Bands.Where(name => !camera.Bands.Any(b => b.CommonName == name)).ToList();
        if (missing.Count == 0)
        {
            return null;
        }

        return missing.Exists(m => m.StartsWith("swir", StringComparison.Ordinal))
            ? $"{AssetKey} {NoSwirReason}"
            : $"{AssetKey} needs the {string.Join(", ", missing)} band(s), which {camera.CollectionId} lacks";
    }
}
