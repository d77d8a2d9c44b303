namespace EarthData.EndToEnd.Tests;

/// <summary>
/// Compares two tile trees of the same raster: tile sets, opacity, pixel and 4×4-block differences, and the geometric
/// shift at the finest zoom by brute-force cross-correlation (sum of squared differences over integer shifts of ±4 px
/// on tiles at least 95 % opaque in both, so edge tiles with partial windows do not bias it;
/// refined to sub-pixel with a parabola through the minimum and its neighbours on each axis).
/// </summary>
internal static class TileComparer
{
    private const int Size = 256;
    private const int MaxLag = 4;
    private const double MinCoverageForShift = 0.95;

    public static ParityReport Compare(TileTree ours, TileTree theirs, int finestZoom)
    {
        var unexplained = 0;
        foreach (var (tile, rgba) in ours.Tiles)
        {
            unexplained += !theirs.Tiles.ContainsKey(tile) && IsFullyOpaque(rgba) ? 1 : 0;
        }

        foreach (var (tile, rgba) in theirs.Tiles)
        {
            unexplained += !ours.Tiles.ContainsKey(tile) && IsFullyOpaque(rgba) ? 1 : 0;
        }

        long alphaAgree = 0, alphaTotal = 0, opaque = 0, blocks = 0;
        double absSum = 0, blockSum = 0;
        var common = 0;
        var ssd = new double[(2 * MaxLag) + 1, (2 * MaxLag) + 1];
        var ssdCount = new long[(2 * MaxLag) + 1, (2 * MaxLag) + 1];
        foreach (var (tile, a) in ours.Tiles)
        {
            if (!theirs.Tiles.TryGetValue(tile, out var b))
            {
                continue;
            }

            common++;
            for (var i = 0; i < a.Length; i += 4)
            {
                alphaTotal++;
                alphaAgree += (a[i + 3] >= 128) == (b[i + 3] >= 128) ? 1 : 0;
                if (a[i + 3] == 255 && b[i + 3] == 255)
                {
                    opaque++;
                    absSum += Math.Abs(a[i] - b[i]) + Math.Abs(a[i + 1] - b[i + 1]) + Math.Abs(a[i + 2] - b[i + 2]);
                }
            }

            AddBlocks(a, b, ref blockSum, ref blocks);
            if (tile.Zoom == finestZoom && Coverage(a) >= MinCoverageForShift && Coverage(b) >= MinCoverageForShift)
            {
                AddCorrelation(Grey(a), Grey(b), ssd, ssdCount);
            }
        }

        var (sx, sy) = SubPixelMinimum(ssd, ssdCount);
        return new ParityReport(common, unexplained, alphaTotal == 0 ? 0 : (double)alphaAgree / alphaTotal,
            opaque == 0 ? double.NaN : absSum / (3.0 * opaque), blocks == 0 ? double.NaN : blockSum / (3.0 * blocks), sx, sy);
    }

    private static double Coverage(byte[] rgba)
    {
        var opaque = 0;
        for (var i = 3; i < rgba.Length; i += 4)
        {
            opaque += rgba[i] == 255 ? 1 : 0;
        }

        return opaque / (double)(Size * Size);
    }

    private static bool IsFullyOpaque(byte[] rgba)
    {
        for (var i = 3; i < rgba.Length; i += 4)
        {
            if (rgba[i] != 255)
            {
                return false;
            }
        }

        return true;
    }

    private static void AddBlocks(byte[] a, byte[] b, ref double sum, ref long count)
    {
        Span<double> d = stackalloc double[3];
        for (var by = 0; by < Size; by += 4)
        {
            for (var bx = 0; bx < Size; bx += 4)
            {
                d.Clear();
                var full = true;
                for (var y = by; y < by + 4 && full; y++)
                {
                    for (var x = bx; x < bx + 4; x++)
                    {
                        var o = ((y * Size) + x) * 4;
                        if (a[o + 3] != 255 || b[o + 3] != 255)
                        {
                            full = false;
                            break;
                        }

                        d[0] += a[o] - b[o];
                        d[1] += a[o + 1] - b[o + 1];
                        d[2] += a[o + 2] - b[o + 2];
                    }
                }

                if (full)
                {
                    sum += (Math.Abs(d[0]) + Math.Abs(d[1]) + Math.Abs(d[2])) / 16.0;
                    count++;
                }
            }
        }
    }

    /// <summary>Grey (mean of RGB), NaN where not fully opaque.</summary>
    private static float[] Grey(byte[] rgba)
    {
        var grey = new float[Size * Size];
        for (var i = 0; i < grey.Length; i++)
        {
            var o = i * 4;
            grey[i] = rgba[o + 3] == 255 ? (rgba[o] + rgba[o + 1] + rgba[o + 2]) / 3f : float.NaN;
        }

        return grey;
    }

    /// <summary>Accumulates Σ(ours(p) − theirs(p + lag))² for every lag in ±<see cref="MaxLag"/>.</summary>
    private static void AddCorrelation(float[] ours, float[] theirs, double[,] ssd, long[,] count)
    {
        for (var dy = -MaxLag; dy <= MaxLag; dy++)
        {
            for (var dx = -MaxLag; dx <= MaxLag; dx++)
            {
                double sum = 0;
                long n = 0;
                for (var y = MaxLag; y < Size - MaxLag; y++)
                {
                    var rowA = y * Size;
                    var rowB = (y + dy) * Size;
                    for (var x = MaxLag; x < Size - MaxLag; x++)
                    {
                        var p = ours[rowA + x];
                        var q = theirs[rowB + x + dx];
                        if (!float.IsNaN(p) && !float.IsNaN(q))
                        {
                            var diff = p - q;
                            sum += diff * diff;
                            n++;
                        }
                    }
                }

                ssd[dy + MaxLag, dx + MaxLag] += sum;
                count[dy + MaxLag, dx + MaxLag] += n;
            }
        }
    }

    private static (double X, double Y) SubPixelMinimum(double[,] ssd, long[,] count)
    {
        var side = (2 * MaxLag) + 1;
        var mean = new double[side, side];
        int bestX = MaxLag, bestY = MaxLag;
        for (var y = 0; y < side; y++)
        {
            for (var x = 0; x < side; x++)
            {
                mean[y, x] = count[y, x] == 0 ? double.MaxValue : ssd[y, x] / count[y, x];
                if (mean[y, x] < mean[bestY, bestX])
                {
                    (bestX, bestY) = (x, y);
                }
            }
        }

        if (count[bestY, bestX] == 0)
        {
            return (double.NaN, double.NaN);
        }

        var fx = bestX - MaxLag + Parabola(bestX > 0 ? mean[bestY, bestX - 1] : double.NaN, mean[bestY, bestX], bestX < side - 1 ? mean[bestY, bestX + 1] : double.NaN);
        var fy = bestY - MaxLag + Parabola(bestY > 0 ? mean[bestY - 1, bestX] : double.NaN, mean[bestY, bestX], bestY < side - 1 ? mean[bestY + 1, bestX] : double.NaN);
        return (fx, fy);
    }

    private static double Parabola(double left, double centre, double right)
    {
        var denominator = left - (2 * centre) + right;
        return double.IsFinite(denominator) && denominator > 0 ? 0.5 * (left - right) / denominator : 0;
    }
}
