using EarthData.Core.Scenes;

namespace EarthData.Samples.Synthesis;

/// <summary>Ground extent (metres, east × north) of a full archive scene grid, as measured on real INPE products.</summary>
public static class FullSizeGrid
{
    /// <summary>The grid extent of <paramref name="camera"/>'s products, metres.</summary>
    public static (double Width, double Height) Extent(CameraSpec camera)
    {
        ArgumentNullException.ThrowIfNull(camera);
        return (camera.Satellite, camera.Camera) switch
        {
            (CbersSatellite.Cbers4, CbersCamera.Mux) => (147_240, 140_780),
            (CbersSatellite.Cbers4, CbersCamera.Awfi) => (1_049_472, 901_888),
            (CbersSatellite.Cbers4, CbersCamera.Pan5M) => (65_000, 62_500),
            (CbersSatellite.Cbers4, CbersCamera.Pan10M) => (84_710, 127_150),
            (CbersSatellite.Cbers4A, CbersCamera.Mux) => (116_624, 120_064),
            (CbersSatellite.Cbers4A, CbersCamera.Wfi) => (535_095, 825_990),
            (CbersSatellite.Cbers4A, CbersCamera.Wpm) => (113_584, 116_672),
            _ => throw new ArgumentException($"no grid extent for {camera.CollectionId}", nameof(camera)),
        };
    }
}
