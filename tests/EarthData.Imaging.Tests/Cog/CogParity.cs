using System.Text.Json.Nodes;
using EarthData.Gdal;

namespace EarthData.Imaging.Tests.Cog;

/// <summary>
/// Compares two COGs of the same source (the tile route against GDAL's COG driver): same layout and metadata as
/// gdalinfo describes them, and the same pixels within the project's parity tolerances at every level.
/// </summary>
internal static class CogParity
{
    /// <summary>Pixels whose validity (mask ≠ 0) agrees, at least (edge pixels of a bilinear warp may differ).</summary>
    public const double MinMaskAgreement = 0.99;

    /// <summary>Mean |Δ| over pixels valid in both, in <c>unit</c>s (DN, or 1e-4 reflectance).</summary>
    public const double MaxMeanAbsoluteDifference = 3.5;

    /// <summary>Mean |Δ| of 4×4-block means over blocks valid in both.</summary>
    public const double MaxBlockMeanDifference = 1.0;

    /// <summary>
    /// gdalinfo -json of both, less file names: size, grid, CRS, every metadata domain, bands, overviews; and the same
    /// TIFF header and COG ghost header (<c>GDAL_STRUCTURAL_METADATA</c>: layout, block order, leaders, trailers).
    /// </summary>
    public static void SameDescription(string reference, string candidate)
    {
        Assert.Equal(Describe(reference), Describe(candidate));
        var ghost = GhostHeader(reference);
        Assert.Contains("LAYOUT=IFDS_BEFORE_DATA", ghost, StringComparison.Ordinal);
        Assert.Equal(ghost, GhostHeader(candidate));
    }

    /// <summary>The TIFF header (hex) and the ghost header text GDAL writes right after it in a COG.</summary>
    public static string GhostHeader(string path)
    {
        const string Key = "GDAL_STRUCTURAL_METADATA_SIZE=";
        var head = new byte[4096];
        using (var file = File.OpenRead(path))
        {
            file.ReadExactly(head, 0, (int)Math.Min(head.Length, file.Length));
        }

        var tiffHeader = head[2] == 43 || head[3] == 43 ? 16 : 8;
        var text = System.Text.Encoding.ASCII.GetString(head, tiffHeader, head.Length - tiffHeader);
        Assert.StartsWith(Key, text, StringComparison.Ordinal);
        var size = int.Parse(text.AsSpan(Key.Length, 6), System.Globalization.CultureInfo.InvariantCulture);
        var line = text.IndexOf('\n', StringComparison.Ordinal) + 1;
        return Convert.ToHexString(head, 0, tiffHeader) + " " + text[..(line + size)];
    }

    /// <summary>Per level (native, then each overview) and band: mask agreement, MAD and block-mean difference.</summary>
    /// <returns>One line per level and band, for the test output.</returns>
    public static IReadOnlyList<string> SamePixels(string reference, string candidate, double unit = 1.0)
    {
        using var a = GdalDataset.Open(reference);
        using var b = GdalDataset.Open(candidate);
        var lines = new List<string>();
        for (var band = 1; band <= a.BandCount; band++)
        {
            var levels = a.GetBand(band).OverviewCount;
            Assert.Equal(levels, b.GetBand(band).OverviewCount);
            for (var level = 0; level <= levels; level++)
            {
                var x = level == 0 ? a.GetBand(band) : a.GetBand(band).GetOverview(level - 1);
                var y = level == 0 ? b.GetBand(band) : b.GetBand(band).GetOverview(level - 1);
                var line = Compare(x, y, unit, $"band {band} level {level}");
                lines.Add(line);
            }
        }

        return lines;
    }

    private static string Compare(GdalBand reference, GdalBand candidate, double unit, string what)
    {
        var (w, h) = (reference.Width, reference.Height);
        Assert.Equal((w, h), (candidate.Width, candidate.Height));
        var va = new double[w * h];
        var vb = new double[w * h];
        var ma = new byte[w * h];
        var mb = new byte[w * h];
        reference.Read<double>(0, 0, w, h, va);
        candidate.Read<double>(0, 0, w, h, vb);
        reference.GetMaskBand().Read<byte>(0, 0, w, h, ma);
        candidate.GetMaskBand().Read<byte>(0, 0, w, h, mb);
        long agree = 0, validBoth = 0, anyValid = 0;
        double sum = 0;
        for (var i = 0; i < va.Length; i++)
        {
            bool pa = ma[i] != 0, pb = mb[i] != 0;
            if (pa || pb)
            {
                anyValid++;
                agree += pa == pb ? 1 : 0;
            }

            if (pa && pb)
            {
                validBoth++;
                sum += Math.Abs(va[i] - vb[i]) / unit;
            }
        }

        double blockSum = 0;
        long blocks = 0;
        for (var by = 0; by + 4 <= h; by += 4)
        {
            for (var bx = 0; bx + 4 <= w; bx += 4)
            {
                double sa = 0, sb = 0;
                var full = true;
                for (var dy = 0; dy < 4 && full; dy++)
                {
                    for (var dx = 0; dx < 4; dx++)
                    {
                        var i = ((by + dy) * w) + bx + dx;
                        full &= ma[i] != 0 && mb[i] != 0;
                        sa += va[i];
                        sb += vb[i];
                    }
                }

                if (full)
                {
                    blocks++;
                    blockSum += Math.Abs(sa - sb) / 16 / unit;
                }
            }
        }

        var agreement = anyValid == 0 ? 1 : agree / (double)anyValid;
        var mad = validBoth == 0 ? 0 : sum / validBoth;
        var blockMean = blocks == 0 ? 0 : blockSum / blocks;
        var line = FormattableString.Invariant($"{what}: {w}x{h}, valid {validBoth}, mask agreement {agreement:P3}, MAD {mad:F3}, block {blockMean:F3}");
        Assert.True(validBoth > 0 || anyValid == 0, line);
        Assert.True(agreement >= MinMaskAgreement, line);
        Assert.True(mad <= MaxMeanAbsoluteDifference, line);
        Assert.True(blockMean <= MaxBlockMeanDifference, line);
        return line;
    }

    private static string Describe(string path)
    {
        using var dataset = GdalDataset.Open(path);
        var json = JsonNode.Parse(dataset.Info(["-json", "-mdd", "all"]).Replace(path, "FILE", StringComparison.Ordinal))!.AsObject();
        json.Remove("description");
        json.Remove("files");
        foreach (var band in json["bands"]!.AsArray())
        {
            band!.AsObject().Remove("description_file");
        }

        return json.ToJsonString();
    }
}
