namespace EarthData.Imaging.Cog;

/// <summary>
/// Reduces four child blocks (band-sequential doubles, 256×256 per band) to their parent with GDAL's <c>average</c>
/// overview semantics: each colour pixel is the mean of the valid pixels of its 2×2 block (valid by alpha ≠ 0 or by
/// nodata; none valid gives nodata, or 0), an alpha band is the plain mean; absent children are empty. For integer
/// bands the means are rounded to nearest (halves away from zero) as GDAL stores them, so each level is reduced from
/// the values the level below holds.
/// </summary>
internal static class CogBlockReducer
{
    private const int Size = 256;
    private const int Half = Size / 2;

    /// <summary>Writes the parent of <paramref name="children"/> (north-west, north-east, south-west, south-east).</summary>
    public static void Reduce(ReadOnlySpan<double[]?> children, Span<double> parent, CogBlockMask mask)
    {
        for (var q = 0; q < 4; q++)
        {
            var child = children[q];
            var ox = (q & 1) * Half;
            var oy = (q >> 1) * Half;
            for (var band = 0; band < mask.Bands; band++)
            {
                var output = parent.Slice(band * CogBlockMask.BandPixels, CogBlockMask.BandPixels);
                if (child is null)
                {
                    var empty = band == mask.AlphaBand ? 0 : mask.Empty;
                    for (var y = 0; y < Half; y++)
                    {
                        output.Slice(((oy + y) * Size) + ox, Half).Fill(empty);
                    }

                    continue;
                }

                var input = child.AsSpan(band * CogBlockMask.BandPixels, CogBlockMask.BandPixels);
                if (band == mask.AlphaBand || (mask.AlphaBand < 0 && mask.NoData is null))
                {
                    Plain(input, output, ox, oy);
                }
                else
                {
                    var alpha = mask.AlphaBand >= 0 ? child.AsSpan(mask.AlphaBand * CogBlockMask.BandPixels, CogBlockMask.BandPixels) : default;
                    Masked(input, alpha, output, ox, oy, mask);
                }
            }
        }

        if (mask.Integer)
        {
            foreach (ref var value in parent)
            {
                value = Math.Round(value, MidpointRounding.AwayFromZero);
            }
        }
    }

    private static void Plain(ReadOnlySpan<double> input, Span<double> output, int ox, int oy)
    {
        for (var y = 0; y < Half; y++)
        {
            var r0 = input.Slice(2 * y * Size, Size);
            var r1 = input.Slice(((2 * y) + 1) * Size, Size);
            var row = output.Slice(((oy + y) * Size) + ox, Half);
            for (var x = 0; x < Half; x++)
            {
                row[x] = (r0[2 * x] + r0[(2 * x) + 1] + r1[2 * x] + r1[(2 * x) + 1]) * 0.25;
            }
        }
    }

    /// <summary>Mean of the valid pixels of each 2×2 block: valid where <paramref name="alpha"/> ≠ 0, or (no alpha) by nodata.</summary>
    private static void Masked(ReadOnlySpan<double> input, ReadOnlySpan<double> alpha, Span<double> output, int ox, int oy, CogBlockMask mask)
    {
        var empty = alpha.IsEmpty ? mask.Empty : 0;
        for (var y = 0; y < Half; y++)
        {
            var i0 = 2 * y * Size;
            var i1 = i0 + Size;
            var row = output.Slice(((oy + y) * Size) + ox, Half);
            for (var x = 0; x < Half; x++)
            {
                int a = i0 + (2 * x), c = i1 + (2 * x);
                double sum = 0;
                var count = 0;
                Add(input, alpha, a, mask, ref sum, ref count);
                Add(input, alpha, a + 1, mask, ref sum, ref count);
                Add(input, alpha, c, mask, ref sum, ref count);
                Add(input, alpha, c + 1, mask, ref sum, ref count);
                row[x] = count == 0 ? empty : sum / count;
            }
        }
    }

    private static void Add(ReadOnlySpan<double> input, ReadOnlySpan<double> alpha, int i, CogBlockMask mask, ref double sum, ref int count)
    {
        if (alpha.IsEmpty ? mask.IsValid(input[i]) : alpha[i] != 0)
        {
            sum += input[i];
            count++;
        }
    }
}
