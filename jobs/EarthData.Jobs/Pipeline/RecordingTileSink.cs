using EarthData.Core.Tiling;
using EarthData.Imaging.Pyramid;

namespace EarthData.Jobs.Pipeline;

/// <summary>Forwards tiles to another sink and remembers, per zoom, how many were written and the range they span.</summary>
/// <remarks>Thread-safe, like the sinks it wraps must be.</remarks>
internal sealed class RecordingTileSink(ITileSink inner) : ITileSink
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<int, (int Count, int MinCol, int MinRow, int MaxCol, int MaxRow)> _zooms = [];
    private long _bytes;

    public string Extension => inner.Extension;

    public long Bytes => Interlocked.Read(ref _bytes);

    public void Write(TileAddress tile, ReadOnlySpan<byte> data)
    {
        inner.Write(tile, data);
        Interlocked.Add(ref _bytes, data.Length);
        lock (_gate)
        {
            _zooms[tile.Zoom] = _zooms.TryGetValue(tile.Zoom, out var z)
                ? (z.Count + 1, Math.Min(z.MinCol, tile.X), Math.Min(z.MinRow, tile.Y), Math.Max(z.MaxCol, tile.X), Math.Max(z.MaxRow, tile.Y))
                : (1, tile.X, tile.Y, tile.X, tile.Y);
        }
    }

    /// <summary>The zooms written so far, ascending.</summary>
    public IReadOnlyList<ManifestZoom> Zooms()
    {
        lock (_gate)
        {
            return [.. _zooms.Select(p => new ManifestZoom(p.Key, p.Value.Count, p.Value.MinCol, p.Value.MinRow, p.Value.MaxCol, p.Value.MaxRow))];
        }
    }
}
