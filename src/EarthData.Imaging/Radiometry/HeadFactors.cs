using System.Numerics;
using EarthData.Core.Metadata;
using EarthData.Core.Radiometry;
using EarthData.Core.Scenes;
using EarthData.Gdal;

namespace EarthData.Imaging.Radiometry;

/// <summary>
/// The DN → TOA reflectance factor of every pixel of one north-up raster of a scene (the archive band on its UTM grid,
/// or the Web Mercator master COG): the scene's factors (<see cref="ReflectanceFactors.TryCompute"/>) everywhere, except
/// on a two-head scene (CBERS WFI/AWFI left and right optics) whose heads carry different calibration coefficients,
/// where each pixel takes its own head's factors: west of the seam between the heads is the left head
/// (<see cref="HeadColumns"/>), as the reflectance COGs do. Heads whose seam cannot be placed keep the scene factors.
/// </summary>
public sealed class HeadFactors
{
    private readonly double[] _left;
    private readonly double[] _right;
    private readonly HeadColumns? _columns;
    private readonly int _width;

    private HeadFactors(double[] left, double[] right, HeadColumns? columns, int width)
        => (_left, _right, _columns, _width) = (left, right, columns, width);

    /// <summary>Whether the raster's pixels take two heads' factors (false: <see cref="Left"/> everywhere).</summary>
    public bool IsTwoHead => _columns is not null;

    /// <summary>
    /// The factors of <paramref name="raster"/>'s pixels for <paramref name="bands"/> (in that order), or null when the
    /// scene cannot be calibrated (a band lacks a coefficient, or the sun is not above the horizon).
    /// </summary>
    /// <param name="metadata">The merged scene metadata.</param>
    /// <param name="bands">The bands to convert.</param>
    /// <param name="raster">A north-up raster of the scene with a geotransform and a CRS.</param>
    public static HeadFactors? Of(SceneMetadata metadata, IReadOnlyList<BandSpec> bands, GdalDataset raster)
        => Of(metadata, bands, raster, raster?.Width ?? 0, raster?.Height ?? 0);

    /// <summary>
    /// The factors of the pixels of <paramref name="raster"/> read as a <paramref name="width"/> ×
    /// <paramref name="height"/> image (its whole extent resampled), or null when the scene cannot be calibrated.
    /// </summary>
    /// <param name="metadata">The merged scene metadata.</param>
    /// <param name="bands">The bands to convert.</param>
    /// <param name="raster">A north-up raster of the scene with a geotransform and a CRS.</param>
    /// <param name="width">Columns of the image read.</param>
    /// <param name="height">Rows of the image read.</param>
    public static HeadFactors? Of(SceneMetadata metadata, IReadOnlyList<BandSpec> bands, GdalDataset raster, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(raster);
        return Calibrate(metadata, bands) switch
        {
            null => null,
            { Heads: { } heads } => new HeadFactors(heads.Left, heads.Right, HeadColumns.Of(heads.Seam, metadata.Cameras[0].Projection.Epsg, raster, width, height), width),
            { Scene: var scene } => new HeadFactors(scene, scene, null, width),
        };
    }

    /// <summary>
    /// The factors of <paramref name="bands"/> at one geographic point of the scene: its head's factors on a two-head
    /// scene (west of the seam: the left head), else the scene's; null when the scene cannot be calibrated.
    /// </summary>
    /// <param name="metadata">The merged scene metadata.</param>
    /// <param name="bands">The bands to convert.</param>
    /// <param name="longitude">Longitude, degrees (WGS 84).</param>
    /// <param name="latitude">Latitude, degrees (WGS 84).</param>
    public static double[]? At(SceneMetadata metadata, IReadOnlyList<BandSpec> bands, double longitude, double latitude)
    {
        var calibration = Calibrate(metadata, bands);
        if (calibration?.Heads is not { } heads)
        {
            return calibration?.Scene;
        }

        using var wgs84 = SpatialReference.FromEpsg(4326);
        using var utm = SpatialReference.FromEpsg(metadata.Cameras[0].Projection.Epsg);
        using var transform = CoordinateTransformation.Create(wgs84, utm);
        var (easting, northing) = transform.Transform(longitude, latitude);
        return easting < heads.Seam.EastingAt(northing) ? heads.Left : heads.Right;
    }

    /// <summary>
    /// The scene's factors of <paramref name="bands"/>, with each head's and the seam between them where a two-head
    /// scene's heads are calibrated apart and the seam can be placed; null when the scene cannot be calibrated.
    /// </summary>
    private static (double[] Scene, Heads? Heads)? Calibrate(SceneMetadata metadata, IReadOnlyList<BandSpec> bands)
    {
        if (!ReflectanceFactors.TryCompute(metadata, bands, out var scene))
        {
            return null;
        }

        return ReflectanceFactors.ByCamera(metadata, bands) is { } heads && CameraSeam.Between(metadata.Cameras[0], metadata.Cameras[1]) is { } seam
            ? (scene, new Heads(heads[0], heads[1], seam))
            : (scene, null);
    }

    /// <summary>Each head's factors and the seam between the heads.</summary>
    private sealed record Heads(double[] Left, double[] Right, CameraSeam Seam);

    /// <summary>The left head's factor of band <paramref name="band"/> (the scene's on a one-head raster).</summary>
    public double Left(int band) => _left[band];

    /// <summary>The right head's factor of band <paramref name="band"/> (the scene's on a one-head raster).</summary>
    public double Right(int band) => _right[band];

    /// <summary>The first column of <paramref name="row"/> whose pixels take the right head's factors (the raster's width when none do).</summary>
    public int FirstRightColumn(int row) => _columns?.FirstRightColumn(row) ?? _width;

    /// <summary>
    /// Multiplies a run of band <paramref name="band"/>'s values in place by each pixel's factor: the run starts at
    /// (<paramref name="column"/>, <paramref name="row"/>) and covers <paramref name="values"/>' length along the row.
    /// 0 (nodata) stays 0.
    /// </summary>
    public void ScaleRow(int band, int row, int column, Span<float> values)
    {
        var split = Math.Clamp(FirstRightColumn(row) - column, 0, values.Length);
        Scale(values[..split], (float)_left[band]);
        Scale(values[split..], (float)_right[band]);
    }

    private static void Scale(Span<float> values, float factor)
    {
        var vectors = System.Runtime.InteropServices.MemoryMarshal.Cast<float, Vector<float>>(values);
        for (var i = 0; i < vectors.Length; i++)
        {
            vectors[i] *= factor;
        }

        for (var i = vectors.Length * Vector<float>.Count; i < values.Length; i++)
        {
            values[i] *= factor;
        }
    }
}
