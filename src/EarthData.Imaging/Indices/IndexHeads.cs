using EarthData.Core.Metadata;
using EarthData.Core.Radiometry;
using EarthData.Core.Scenes;
using EarthData.Gdal;
using EarthData.Imaging.Radiometry;

namespace EarthData.Imaging.Indices;

/// <summary>
/// The per-head reflectance factors of a two-head scene (CBERS WFI/AWFI left and right optics) whose heads carry
/// different calibration coefficients, with the columns each head covers on the master COG's grid
/// (<see cref="HeadColumns"/>: west of the seam between the heads is the left head).
/// </summary>
/// <param name="Left">The left head's factor of each input band.</param>
/// <param name="Right">The right head's factor of each input band.</param>
/// <param name="Columns">The first right-head column of each row of the master.</param>
internal sealed record IndexHeads(double[] Left, double[] Right, HeadColumns Columns)
{
    /// <summary>
    /// The heads of <paramref name="metadata"/>, or null when the scene's factors describe every pixel: a single-head
    /// camera, heads calibrated alike, or heads whose seam cannot be placed (different UTM zones), as the reflectance
    /// COGs do.
    /// </summary>
    public static IndexHeads? Of(SceneMetadata metadata, IReadOnlyList<BandSpec> bands, GdalDataset master)
    {
        var heads = ReflectanceFactors.ByCamera(metadata, bands);
        if (heads is null || CameraSeam.Between(metadata.Cameras[0], metadata.Cameras[1]) is not { } seam)
        {
            return null;
        }

        return new IndexHeads(heads[0], heads[1], HeadColumns.Of(seam, metadata.Cameras[0].Projection.Epsg, master));
    }
}
