using EarthData.Core.Metadata;
using EarthData.Gdal;
using EarthData.Imaging.Radiometry;

namespace EarthData.Imaging.Masks;

/// <summary>
/// STAC <c>eo:cloud_cover</c> of a scene (INPE's metadata has none): <see cref="CloudShadowMask"/> over the TOA
/// reflectance of the blue, green, red and NIR bands of the scene's Web Mercator COG, read through its overviews at a
/// sample of at most <see cref="DefaultSampleSize"/> pixels on the longer side (a percentage needs no full resolution),
/// each pixel with its own head's calibration on a two-head scene (<see cref="HeadFactors"/>).
/// </summary>
public static class CloudCover
{
    /// <summary>Longest side, in pixels, of the sample the estimate classifies.</summary>
    public const int DefaultSampleSize = 1024;

    private static readonly string[] Needed = ["blue", "green", "red", "nir"];

    /// <summary>
    /// Percent of the pixels with data that are cloud; null when the camera lacks one of blue/green/red/NIR (PAN),
    /// the COG does not carry them, or the metadata has no calibration for them (WPM 2020, PAN).
    /// </summary>
    /// <param name="cogPath">The scene's DN COG, bands described by their common names (as <c>CogWriter</c> writes them).</param>
    /// <param name="metadata">The scene's metadata (calibration, sun elevation, date).</param>
    /// <param name="sampleSize">Longest side of the sample, ≥ 16.</param>
    /// <param name="cancellationToken">Stops between bands.</param>
    public static double? Estimate(string cogPath, SceneMetadata metadata, int sampleSize = DefaultSampleSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleSize, 16);
        var specs = Needed.Select(n => metadata.Camera.Bands.FirstOrDefault(b => b.CommonName == n)).ToArray();
        if (specs.Any(s => s is null))
        {
            return null;
        }

        using var dataset = GdalDataset.Open(cogPath);
        var numbers = Needed.Select(name => BandNumber(dataset, name)).ToArray();
        if (numbers.Any(n => n == 0) || dataset.GeoTransform is not { } transform)
        {
            return null;
        }

        var scale = Math.Min(1.0, (double)sampleSize / Math.Max(dataset.Width, dataset.Height));
        var width = Math.Max(1, (int)Math.Round(dataset.Width * scale));
        var height = Math.Max(1, (int)Math.Round(dataset.Height * scale));
        if (HeadFactors.Of(metadata, specs!, dataset, width, height) is not { } factors)
        {
            return null;
        }

        var bands = new float[Needed.Length][];
        for (var b = 0; b < Needed.Length; b++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var values = new float[width * height];
            // Nearest neighbour keeps DN 0 (nodata outside the footprint) apart from the scene's pixels.
            dataset.GetBand(numbers[b]).Read<float>(0, 0, dataset.Width, dataset.Height, values, width, height);
            for (var row = 0; row < height; row++)
            {
                factors.ScaleRow(b, row, 0, values.AsSpan(row * width, width));
            }

            bands[b] = values;
        }

        var mask = new byte[width * height];
        var pixelMetres = Math.Abs(transform.PixelWidth) * dataset.Width / width;
        CloudShadowMask.Classify(bands[0], bands[1], bands[2], bands[3], width, pixelMetres, mask);
        return CloudShadowMask.CloudCoverPercent(mask);
    }

    private static int BandNumber(GdalDataset dataset, string commonName)
    {
        for (var i = 1; i <= dataset.BandCount; i++)
        {
            if (string.Equals(dataset.GetBand(i).Description, commonName, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return 0;
    }
}
