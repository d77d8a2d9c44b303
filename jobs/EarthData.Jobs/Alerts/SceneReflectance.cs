using EarthData.Core;
using EarthData.Core.Metadata;
using EarthData.Core.Scenes;
using EarthData.Gdal;
using EarthData.Imaging.Masks;
using EarthData.Imaging.Radiometry;

namespace EarthData.Jobs.Alerts;

/// <summary>
/// The blue, green, red and NIR TOA reflectance of one archive-layout scene on its native grid (0 = no data), with its
/// cloud/shadow mask: what alert evaluation reads. Each pixel takes its own head's factors on a two-head WFI/AWFI scene
/// (<see cref="HeadFactors"/>, as the index COGs do). Holds whole bands in memory (a full MUX scene: ~4 × 144 MB).
/// </summary>
public sealed class SceneReflectance
{
    private SceneReflectance(SceneMetadata metadata, int width, int height, GeoTransform geoTransform, float[][] bands, byte[] mask)
    {
        Metadata = metadata;
        (Width, Height, GeoTransform) = (width, height, geoTransform);
        (Blue, Green, Red, Nir) = (bands[0], bands[1], bands[2], bands[3]);
        Mask = mask;
    }

    /// <summary>The scene's merged metadata.</summary>
    public SceneMetadata Metadata { get; }

    /// <summary>Grid width, pixels.</summary>
    public int Width { get; }

    /// <summary>Grid height, pixels.</summary>
    public int Height { get; }

    /// <summary>GDAL geotransform of the grid (UTM, metres; north-up).</summary>
    public GeoTransform GeoTransform { get; }

    /// <summary>Pixel size, metres.</summary>
    public double PixelSize => GeoTransform.PixelWidth;

    /// <summary>Blue reflectance.</summary>
    public float[] Blue { get; }

    /// <summary>Green reflectance.</summary>
    public float[] Green { get; }

    /// <summary>Red reflectance.</summary>
    public float[] Red { get; }

    /// <summary>NIR reflectance.</summary>
    public float[] Nir { get; }

    /// <summary>The <see cref="CloudShadowMask"/> classes.</summary>
    public byte[] Mask { get; }

    /// <summary>Whether pixel <paramref name="i"/> has data and is neither cloud nor shadow.</summary>
    public bool IsClear(int i) => Mask[i] == CloudShadowMask.Clear;

    /// <summary>Reads the scene in <paramref name="sceneDirectory"/> (per-band GeoTIFF + INPE XML).</summary>
    /// <exception cref="InvalidSceneException">The camera has no blue/green/red/NIR bands, or the scene cannot be calibrated.</exception>
    public static SceneReflectance Read(string sceneDirectory, CancellationToken cancellationToken)
    {
        var files = ArchiveLayout.Locate(sceneDirectory);
        var metadata = SceneMetadata.Read(files);
        string[] names = ["blue", "green", "red", "nir"];
        var bands = names.Select(n => metadata.Camera.Bands.FirstOrDefault(b => b.CommonName == n)
            ?? throw new InvalidSceneException($"{files.Id}: the camera has no {n} band; alerts need blue, green, red and NIR", sceneDirectory, null, files.Id.ToString())).ToArray();
        int width = 0, height = 0;
        var geoTransform = Gdal.GeoTransform.Identity;
        var data = new float[4][];
        HeadFactors? factors = null;
        for (var b = 0; b < 4; b++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var dataset = GdalDataset.Open(files.Band(bands[b].Number).TiffPath);
            if (b == 0)
            {
                (width, height) = (dataset.Width, dataset.Height);
                geoTransform = dataset.GeoTransform is { IsNorthUp: true } transform ? transform
                    : throw new InvalidSceneException($"{files.Id}: band {bands[b].Number} is not north-up", sceneDirectory, null, files.Id.ToString());
                factors = HeadFactors.Of(metadata, bands, dataset)
                    ?? throw new InvalidSceneException($"{files.Id}: {ReflectanceFactors.NoCoefficientsMessage}", sceneDirectory, null, files.Id.ToString());
            }
            else if (dataset.Width != width || dataset.Height != height)
            {
                throw new InvalidSceneException($"{files.Id}: band {bands[b].Number} is {dataset.Width}x{dataset.Height}, band {bands[0].Number} {width}x{height}", sceneDirectory, null, files.Id.ToString());
            }

            var values = new float[width * height];
            dataset.GetBand(1).Read<float>(0, 0, width, height, values);
            for (var row = 0; row < height; row++)
            {
                factors!.ScaleRow(b, row, 0, values.AsSpan(row * width, width)); // DN 0 (nodata) stays 0
            }

            data[b] = values;
        }

        var mask = new byte[width * height];
        CloudShadowMask.Classify(data[0], data[1], data[2], data[3], width, geoTransform.PixelWidth, mask);
        return new SceneReflectance(metadata, width, height, geoTransform, data, mask);
    }
}
