namespace EarthData.Core.Scenes;

/// <summary>
/// The CBERS-4 and CBERS-4A camera products of the archive with their bands, from INPE's published
/// instrument characteristics. Spectral ranges are shared by MUX, AWFI, WFI and the multispectral bands of
/// PAN10M and WPM: blue 0.45–0.52, green 0.52–0.59, red 0.63–0.69, NIR 0.77–0.89 µm. Thread-safe.
/// </summary>
public static class CameraCatalog
{
    private const int EightBitMax = 255;
    private const int TenBitMax = 1023;

    private static readonly CameraSpec[] Specs =
    [
        Multispectral(CbersSatellite.Cbers4, CbersCamera.Mux, 5, 20, SampleType.Byte, EightBitMax),
        Multispectral(CbersSatellite.Cbers4, CbersCamera.Awfi, 13, 64, SampleType.Int16, TenBitMax),
        new(CbersSatellite.Cbers4, CbersCamera.Pan5M, 5, [new BandSpec(1, "pan", 0.51, 0.85, 5, SampleType.Byte, EightBitMax)]),
        new(CbersSatellite.Cbers4, CbersCamera.Pan10M, 10,
        [
            new BandSpec(2, "green", 0.52, 0.59, 10, SampleType.Byte, EightBitMax),
            new BandSpec(3, "red", 0.63, 0.69, 10, SampleType.Byte, EightBitMax),
            new BandSpec(4, "nir", 0.77, 0.89, 10, SampleType.Byte, EightBitMax),
        ]),
        Multispectral(CbersSatellite.Cbers4A, CbersCamera.Mux, 5, 16.5, SampleType.Byte, EightBitMax),
        Multispectral(CbersSatellite.Cbers4A, CbersCamera.Wfi, 13, 55, SampleType.Int16, TenBitMax),
        new(CbersSatellite.Cbers4A, CbersCamera.Wpm, 2,
        [
            new BandSpec(0, "pan", 0.45, 0.90, 2, SampleType.Int16, TenBitMax),
            .. Multispectral(CbersSatellite.Cbers4A, CbersCamera.Wpm, 1, 8, SampleType.Int16, TenBitMax).Bands,
        ]),
    ];

    /// <summary>Every camera product, CBERS-4 first.</summary>
    public static IReadOnlyList<CameraSpec> All => Specs;

    /// <summary>The STAC collection ids of all camera products.</summary>
    public static IReadOnlyList<string> CollectionIds { get; } = [.. Specs.Select(s => s.CollectionId)];

    /// <summary>The camera product of a satellite.</summary>
    /// <exception cref="ArgumentException">The satellite does not carry the camera.</exception>
    public static CameraSpec Get(CbersSatellite satellite, CbersCamera camera) =>
        Array.Find(Specs, s => s.Satellite == satellite && s.Camera == camera) ?? throw new ArgumentException(
            $"{CbersNames.SatelliteFolder(satellite)} has no {CbersNames.CameraToken(camera)} camera (it has {CbersNames.CamerasOf(satellite)}).",
            nameof(camera));

    /// <summary>The camera product of a scene.</summary>
    public static CameraSpec Get(SceneId sceneId)
    {
        ArgumentNullException.ThrowIfNull(sceneId);
        return Get(sceneId.Satellite, sceneId.Camera);
    }

    /// <summary>The camera product of a STAC collection id such as <c>CBERS4-MUX</c> (exact case).</summary>
    /// <exception cref="ArgumentException">No camera has that collection id.</exception>
    public static CameraSpec ForCollection(string collectionId)
    {
        ArgumentNullException.ThrowIfNull(collectionId);
        return Array.Find(Specs, s => string.Equals(s.CollectionId, collectionId, StringComparison.Ordinal)) ?? throw new ArgumentException(
            $"Unknown collection '{collectionId}'; known: {string.Join(", ", CollectionIds)}.", nameof(collectionId));
    }

    /// <summary>Looks up a collection id without throwing.</summary>
    public static bool TryForCollection(string? collectionId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CameraSpec? spec)
    {
        spec = Array.Find(Specs, s => string.Equals(s.CollectionId, collectionId, StringComparison.Ordinal));
        return spec is not null;
    }

    private static CameraSpec Multispectral(CbersSatellite satellite, CbersCamera camera, int firstBand, double gsd, SampleType type, int maxValue) =>
        new(satellite, camera, gsd,
        [
            new BandSpec(firstBand, "blue", 0.45, 0.52, gsd, type, maxValue),
            new BandSpec(firstBand + 1, "green", 0.52, 0.59, gsd, type, maxValue),
            new BandSpec(firstBand + 2, "red", 0.63, 0.69, gsd, type, maxValue),
            new BandSpec(firstBand + 3, "nir", 0.77, 0.89, gsd, type, maxValue),
        ]);
}
