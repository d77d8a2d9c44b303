using System.Buffers;
using EarthData.Gdal;
using EarthData.Imaging.Cog;

namespace EarthData.Imaging.Indices;

/// <summary>
/// Fills the empty overview levels of an index intermediate from the blocks that hold data, level by level: each
/// parent block is <see cref="CogBlockReducer"/>'s <c>average</c> of its four children (nodata excluded, rounded as GDAL
/// stores Int16), read back from the uncompressed level below; parents of no stored child are never read nor written.
/// GDAL's own overview pass would visit every block of the padded grid (most of it empty).
/// </summary>
internal static class IndexOverviews
{
    private const int Side = CogBlockPass.BlockSide;

    /// <summary>Reduces <paramref name="levels"/> overview levels of <paramref name="band"/> (overview i at factor 2^(i+1)).</summary>
    /// <param name="band">Band 1 of the intermediate, with its empty overview levels.</param>
    /// <param name="stored">Full-resolution blocks holding data, row-major, <paramref name="blocksAcross"/> a row.</param>
    /// <param name="blocksAcross">Blocks per row at full resolution.</param>
    /// <param name="levels">Overview levels to fill.</param>
    /// <param name="cancellationToken">Checked between rows of parent blocks.</param>
    public static void Reduce(GdalBand band, bool[] stored, int blocksAcross, int levels, CancellationToken cancellationToken)
    {
        var mask = new CogBlockMask(1, -1, IndexCogWriter.NoData, Integer: true);
        var children = new double[4][];
        var parent = ArrayPool<double>.Shared.Rent(CogBlockMask.BandPixels);
        var encoded = ArrayPool<short>.Shared.Rent(CogBlockMask.BandPixels);
        for (var q = 0; q < 4; q++)
        {
            children[q] = ArrayPool<double>.Shared.Rent(CogBlockMask.BandPixels);
        }

        try
        {
            var (across, down) = (blocksAcross, stored.Length / blocksAcross);
            var present = stored;
            var source = band;
            for (var level = 1; level <= levels; level++)
            {
                var target = band.GetOverview(level - 1);
                var (parentsAcross, parentsDown) = ((across + 1) / 2, (down + 1) / 2);
                var next = new bool[parentsAcross * parentsDown];
                for (var py = 0; py < parentsDown; py++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    for (var px = 0; px < parentsAcross; px++)
                    {
                        var quadrants = new double[]?[4];
                        for (var q = 0; q < 4; q++)
                        {
                            var (cx, cy) = ((2 * px) + (q & 1), (2 * py) + (q >> 1));
                            if (cx < across && cy < down && present[(cy * across) + cx])
                            {
                                ReadBlock(source, cx, cy, children[q], encoded);
                                quadrants[q] = children[q];
                            }
                        }

                        if (Array.TrueForAll(quadrants, c => c is null))
                        {
                            continue;
                        }

                        CogBlockReducer.Reduce(quadrants, parent.AsSpan(0, CogBlockMask.BandPixels), mask);
                        WriteBlock(target, px, py, parent, encoded);
                        next[(py * parentsAcross) + px] = true;
                    }
                }

                (present, across, down, source) = (next, parentsAcross, parentsDown, target);
            }
        }
        finally
        {
            foreach (var child in children)
            {
                ArrayPool<double>.Shared.Return(child);
            }

            ArrayPool<double>.Shared.Return(parent);
            ArrayPool<short>.Shared.Return(encoded);
        }
    }

    /// <summary>Whether a raster of this size keeps whole 256-pixel blocks down to <paramref name="levels"/>.</summary>
    public static bool Fits(int width, int height, int levels) =>
        width % (Side << levels) == 0 && height % (Side << levels) == 0;

    private static void ReadBlock(GdalBand band, int bx, int by, double[] values, short[] encoded)
    {
        band.Read<short>(bx * Side, by * Side, Side, Side, encoded.AsSpan(0, CogBlockMask.BandPixels));
        for (var i = 0; i < CogBlockMask.BandPixels; i++)
        {
            values[i] = encoded[i];
        }
    }

    private static void WriteBlock(GdalBand band, int bx, int by, double[] values, short[] encoded)
    {
        for (var i = 0; i < CogBlockMask.BandPixels; i++)
        {
            encoded[i] = (short)values[i];
        }

        band.Write<short>(bx * Side, by * Side, Side, Side, encoded.AsSpan(0, CogBlockMask.BandPixels));
    }
}
