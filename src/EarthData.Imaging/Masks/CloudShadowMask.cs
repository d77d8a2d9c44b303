namespace EarthData.Imaging.Masks;

/// <summary>
/// A spectral cloud and shadow heuristic for 4-band (blue, green, red, NIR) TOA reflectance, for cameras whose archive
/// has no mask. Adapted from the Fmask "basic" tests (Zhu and Woodcock 2012) without its SWIR and thermal tests:
/// <list type="bullet">
/// <item><b>cloud</b>: visible brightness (mean of blue, green, red) above <see cref="CloudBrightness"/>, whiteness
/// (Σ|band − mean| / mean over the visible bands) below <see cref="CloudWhiteness"/> and NDVI below
/// <see cref="CloudNdvi"/> — bright, grey and not vegetated;</item>
/// <item><b>shadow</b>: NIR below <see cref="ShadowNir"/>, visible brightness below <see cref="ShadowBrightness"/>,
/// NDWI below 0 (not water) and within <see cref="ShadowSearchMetres"/> of a cloud pixel (shadows fall next to their
/// clouds; dark soil far from clouds is not shadow).</item>
/// </list>
/// Known limits: bright bare sand and snow can pass the cloud test; burnt ground next to a cloud can pass the shadow
/// test. Pixels where any band is 0 (nodata) are neither.
/// </summary>
public static class CloudShadowMask
{
    /// <summary>Mask value of a clear pixel.</summary>
    public const byte Clear = 0;

    /// <summary>Mask value of a cloud pixel.</summary>
    public const byte Cloud = 1;

    /// <summary>Mask value of a cloud-shadow pixel.</summary>
    public const byte Shadow = 2;

    /// <summary>Mask value of a pixel without data.</summary>
    public const byte NoData = 255;

    /// <summary>Visible brightness above which a pixel may be cloud.</summary>
    public const float CloudBrightness = 0.3f;

    /// <summary>Whiteness below which a bright pixel is grey enough for cloud.</summary>
    public const float CloudWhiteness = 0.7f;

    /// <summary>NDVI below which a bright grey pixel is cloud.</summary>
    public const float CloudNdvi = 0.4f;

    /// <summary>NIR reflectance below which a pixel may be shadow.</summary>
    public const float ShadowNir = 0.12f;

    /// <summary>Visible brightness below which a pixel may be shadow.</summary>
    public const float ShadowBrightness = 0.1f;

    /// <summary>How far from a cloud a shadow is looked for, metres (cloud heights of 1–3 km, sun above ~45°).</summary>
    public const double ShadowSearchMetres = 3000;

    /// <summary>Classifies every pixel into <paramref name="mask"/> (<see cref="Clear"/>, <see cref="Cloud"/>, <see cref="Shadow"/>, <see cref="NoData"/>).</summary>
    /// <param name="blue">Blue TOA reflectance, row-major.</param>
    /// <param name="green">Green.</param>
    /// <param name="red">Red.</param>
    /// <param name="nir">NIR.</param>
    /// <param name="width">Row length.</param>
    /// <param name="pixelSizeMetres">Ground sample distance, for the shadow search radius.</param>
    /// <param name="mask">Output, same length.</param>
    public static void Classify(ReadOnlySpan<float> blue, ReadOnlySpan<float> green, ReadOnlySpan<float> red, ReadOnlySpan<float> nir,
        int width, double pixelSizeMetres, Span<byte> mask)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pixelSizeMetres);
        var n = mask.Length;
        if (blue.Length != n || green.Length != n || red.Length != n || nir.Length != n || n % width != 0)
        {
            throw new ArgumentException("The bands and the mask must have the same length, a multiple of the width.", nameof(mask));
        }

        var candidates = new bool[n];
        for (var i = 0; i < n; i++)
        {
            var (b, g, r, ni) = (blue[i], green[i], red[i], nir[i]);
            if (b == 0 || g == 0 || r == 0 || ni == 0 || float.IsNaN(b + g + r + ni))
            {
                mask[i] = NoData;
                continue;
            }

            var brightness = (b + g + r) / 3;
            var whiteness = (Math.Abs(b - brightness) + Math.Abs(g - brightness) + Math.Abs(r - brightness)) / brightness;
            var ndvi = (ni - r) / (ni + r);
            mask[i] = brightness > CloudBrightness && whiteness < CloudWhiteness && ndvi < CloudNdvi ? Cloud : Clear;
            candidates[i] = ni < ShadowNir && brightness < ShadowBrightness && (g - ni) / (g + ni) < 0;
        }

        var radius = Math.Max(1, (int)Math.Round(ShadowSearchMetres / pixelSizeMetres));
        var nearCloud = NearCloud(mask, width, n / width, radius);
        for (var i = 0; i < n; i++)
        {
            if (mask[i] == Clear && candidates[i] && nearCloud[i])
            {
                mask[i] = Shadow;
            }
        }
    }

    /// <summary>Cloud cover in percent of the pixels with data (STAC <c>eo:cloud_cover</c>); 0 when none has data.</summary>
    public static double CloudCoverPercent(ReadOnlySpan<byte> mask)
    {
        long data = 0, cloud = 0;
        foreach (var m in mask)
        {
            data += m == NoData ? 0 : 1;
            cloud += m == Cloud ? 1 : 0;
        }

        return data == 0 ? 0 : Math.Round(100.0 * cloud / data, 2);
    }

    // Square dilation of the cloud pixels by the radius, separably (rows, then columns) with running counts: O(pixels).
    private static bool[] NearCloud(ReadOnlySpan<byte> mask, int width, int height, int radius)
    {
        var rows = new int[mask.Length];
        for (var y = 0; y < height; y++)
        {
            var count = 0;
            for (var x = -radius; x < width + radius; x++)
            {
                var enter = x + radius;
                var leave = x - radius - 1;
                count += enter < width && mask[(y * width) + enter] == Cloud ? 1 : 0;
                count -= leave >= 0 && leave < width && mask[(y * width) + leave] == Cloud ? 1 : 0;
                if (x >= 0 && x < width)
                {
                    rows[(y * width) + x] = count;
                }
            }
        }

        var near = new bool[mask.Length];
        for (var x = 0; x < width; x++)
        {
            var count = 0;
            for (var y = -radius; y < height + radius; y++)
            {
                var enter = y + radius;
                var leave = y - radius - 1;
                count += enter < height ? rows[(enter * width) + x] : 0;
                count -= leave >= 0 && leave < height ? rows[(leave * width) + x] : 0;
                if (y >= 0 && y < height)
                {
                    near[(y * width) + x] = count > 0;
                }
            }
        }

        return near;
    }
}
