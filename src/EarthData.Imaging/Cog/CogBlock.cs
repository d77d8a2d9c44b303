using EarthData.Gdal;

namespace EarthData.Imaging.Cog;

/// <summary>
/// One native block of a COG as <see cref="CogBlockPass"/> read it: the values of the pass's bands (as doubles, exact
/// for every GDAL type up to 32-bit integers and Float32), band-sequential, valid until the next block.
/// </summary>
internal sealed class CogBlock
{
    private readonly int[] _bands;
    private readonly double[] _values;

    public CogBlock(GdalDataset dataset, int[] bands, double[] values) => (Dataset, _bands, _values) = (dataset, bands, values);

    /// <summary>The dataset read (for mask bands, from GDAL's block cache); used from the pass's thread only.</summary>
    public GdalDataset Dataset { get; }

    /// <summary>Left pixel of the block.</summary>
    public int X { get; private set; }

    /// <summary>Top line of the block.</summary>
    public int Y { get; private set; }

    /// <summary>Width of the block (smaller at the raster's right edge).</summary>
    public int Columns { get; private set; }

    /// <summary>Height of the block (smaller at the raster's bottom edge).</summary>
    public int Rows { get; private set; }

    /// <summary>Pixels per band.</summary>
    public int Length => Columns * Rows;

    /// <summary>The values of band <paramref name="bandNumber"/> (1-based, one of the pass's bands), row-major.</summary>
    public ReadOnlySpan<double> Values(int bandNumber)
    {
        var slot = Array.IndexOf(_bands, bandNumber);
        ArgumentOutOfRangeException.ThrowIfNegative(slot, nameof(bandNumber));
        return _values.AsSpan(slot * Length, Length);
    }

    /// <summary>Points the block at a new window (its values having been read into the shared buffer).</summary>
    public void MoveTo(int x, int y, int columns, int rows) => (X, Y, Columns, Rows) = (x, y, columns, rows);
}
