using System.Buffers;
using EarthData.Gdal;

namespace EarthData.Imaging.Cog;

/// <summary>
/// Reads the full-resolution level of a COG once, one 256 × 256 block at a time in row-major order, and hands every
/// block to each consumer: per-band statistics and index COGs come from one read of the master instead of one each.
/// </summary>
/// <remarks>
/// A block is skipped (not read, not handed on) only when it is certainly empty for every consumer: the driver reports
/// it stored nowhere (a sparse GTiff block, most of a COG padded to whole tiles) for every band read, and every colour
/// band read is masked by its nodata or an alpha band, so its fill (nodata, or alpha 0) is invalid. Drivers that cannot tell (MEM, VRT) have every
/// block read. Not thread-safe: one dataset, one thread.
/// </remarks>
internal static class CogBlockPass
{
    /// <summary>The block side: a COG block, and one XYZ tile at the native zoom.</summary>
    public const int BlockSide = 256;

    /// <summary>Runs the pass; returns the number of blocks read.</summary>
    /// <param name="dataset">The COG, opened by the caller and used from this thread only.</param>
    /// <param name="consumers">The products fed from the pass.</param>
    /// <param name="cancellationToken">Checked between rows of blocks.</param>
    public static long Run(GdalDataset dataset, IReadOnlyList<ICogBlockConsumer> consumers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(consumers);
        var bands = consumers.SelectMany(c => c.Bands).Distinct().Order().ToArray();
        if (bands.Length == 0)
        {
            return 0;
        }

        var skippable = Array.TrueForAll(bands, b =>
        {
            var band = dataset.GetBand(b);
            return band.ColorInterpretation == ColorInterpretation.Alpha || (band.MaskFlags & (MaskFlags.NoData | MaskFlags.Alpha)) != 0;
        });
        var values = ArrayPool<double>.Shared.Rent(bands.Length * BlockSide * BlockSide);
        var block = new CogBlock(dataset, bands, values);
        long read = 0;
        try
        {
            for (var y = 0; y < dataset.Height; y += BlockSide)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var rows = Math.Min(BlockSide, dataset.Height - y);
                for (var x = 0; x < dataset.Width; x += BlockSide)
                {
                    var columns = Math.Min(BlockSide, dataset.Width - x);
                    if (skippable && StoredNowhere(dataset, bands, x, y, columns, rows))
                    {
                        continue;
                    }

                    dataset.Read<double>(x, y, columns, rows, values.AsSpan(0, bands.Length * columns * rows), columns, rows, bands);
                    block.MoveTo(x, y, columns, rows);
                    read++;
                    foreach (var consumer in consumers)
                    {
                        consumer.Add(block);
                    }
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(values);
        }

        return read;
    }

    private static bool StoredNowhere(GdalDataset dataset, int[] bands, int x, int y, int columns, int rows)
    {
        foreach (var band in bands)
        {
            if (dataset.GetBand(band).GetDataCoverage(x, y, columns, rows) != DataCoverage.Empty)
            {
                return false;
            }
        }

        return true;
    }
}
