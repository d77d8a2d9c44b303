using System.Buffers;
using System.Collections.Concurrent;
using EarthData.Core.Tiling;
using EarthData.Gdal;
using EarthData.Imaging.Tiling;

namespace EarthData.Imaging.Cog;

/// <summary>
/// Fills a tiled GTiff on a <see cref="CogLayout"/> grid from a warped VRT whose blocks are its native tiles: workers
/// (each with its own dataset) warp subtrees of native tiles depth-first, write each block that holds data once, and
/// reduce four children to their parent overview block (<see cref="CogBlockReducer"/>) while they are still in
/// memory; the few zooms coarser than the split zoom are reduced last on the calling thread. Blocks without data are
/// never written (they stay sparse).
/// </summary>
internal sealed class CogTileRun
{
    private readonly string _warpedPath;
    private readonly GdalDataset _target;
    private readonly CogLayout _layout;
    private readonly CogBlockMask _mask;
    private readonly int _threads;
    private readonly int _minZoom;
    private readonly IProgress<double> _progress;
    private readonly CancellationToken _cancellationToken;
    private readonly Lock _writeLock = new();
    private readonly long _nativeTiles;
    private long _done;
    private long _written;

    public CogTileRun(string warpedPath, GdalDataset target, CogLayout layout, CogBlockMask mask, int threads,
        IProgress<double> progress, CancellationToken cancellationToken)
    {
        _warpedPath = warpedPath;
        _target = target;
        _layout = layout;
        _mask = mask;
        _threads = threads;
        _minZoom = layout.NativeZoom - layout.OverviewCount;
        _progress = progress;
        _cancellationToken = cancellationToken;
        _nativeTiles = layout.Data.Count;
    }

    /// <summary>Number of blocks written, all levels.</summary>
    public long BlocksWritten => _written;

    public void Execute()
    {
        var split = _layout.NativeZoom;
        for (var z = _minZoom; z <= _layout.NativeZoom; z++)
        {
            if (_layout.DataAt(z).Count >= 4L * _threads)
            {
                split = z;
                break;
            }
        }

        var roots = _layout.DataAt(split).Tiles().ToArray();
        var keep = split > _minZoom ? new ConcurrentDictionary<TileAddress, double[]>() : null;
        try
        {
            ParallelSubtrees.Run(roots, _threads, () => GdalDataset.Open(_warpedPath), Subtree, keep, static b => ArrayPool<double>.Shared.Return(b), _cancellationToken);
            if (keep is not null)
            {
                ReduceCoarseZooms(keep, split);
            }
        }
        finally
        {
            foreach (var block in keep?.Values ?? [])
            {
                ArrayPool<double>.Shared.Return(block);
            }
        }

    }

    private void ReduceCoarseZooms(ConcurrentDictionary<TileAddress, double[]> level, int split)
    {
        for (var z = split - 1; z >= _minZoom; z--)
        {
            foreach (var tile in _layout.DataAt(z).Tiles())
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var (nw, ne, sw, se) = tile.Children;
                var parent = Reduce(tile, [Take(level, nw), Take(level, ne), Take(level, sw), Take(level, se)]);
                if (parent is not null)
                {
                    level[tile] = parent;
                }
            }
        }
    }

    private static double[]? Take(ConcurrentDictionary<TileAddress, double[]> level, TileAddress tile) =>
        level.TryRemove(tile, out var block) ? block : null;

    private double[]? Subtree(GdalDataset warped, TileAddress tile, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (tile.Zoom == _layout.NativeZoom)
        {
            return Native(warped, tile);
        }

        var (nw, ne, sw, se) = tile.Children;
        double[]?[] children =
        [
            Child(warped, nw, cancellationToken), Child(warped, ne, cancellationToken),
            Child(warped, sw, cancellationToken), Child(warped, se, cancellationToken),
        ];
        return Reduce(tile, children);
    }

    private double[]? Child(GdalDataset warped, TileAddress child, CancellationToken cancellationToken) =>
        _layout.DataAt(child.Zoom).Contains(child) ? Subtree(warped, child, cancellationToken) : null;

    /// <summary>Warps one native tile; writes and returns it when it holds data.</summary>
    private double[]? Native(GdalDataset warped, TileAddress tile)
    {
        var block = ArrayPool<double>.Shared.Rent(_mask.BlockLength);
        var span = block.AsSpan(0, _mask.BlockLength);
        var (x, y) = _layout.BlockOffset(tile);
        warped.Read<double>(x, y, WebMercatorQuad.TileSize, WebMercatorQuad.TileSize, span, WebMercatorQuad.TileSize, WebMercatorQuad.TileSize);
        Tick();
        if (!_mask.HoldsData(span))
        {
            ArrayPool<double>.Shared.Return(block);
            return null;
        }

        Write(tile, span);
        return block;
    }

    /// <summary>Reduces the children (returning them to the pool) into their parent; writes and returns it unless all are absent.</summary>
    private double[]? Reduce(TileAddress tile, double[]?[] children)
    {
        if (Array.TrueForAll(children, c => c is null))
        {
            return null;
        }

        var parent = ArrayPool<double>.Shared.Rent(_mask.BlockLength);
        var span = parent.AsSpan(0, _mask.BlockLength);
        CogBlockReducer.Reduce(children, span, _mask);
        foreach (var child in children)
        {
            if (child is not null)
            {
                ArrayPool<double>.Shared.Return(child);
            }
        }

        Write(tile, span);
        return parent;
    }

    private void Write(TileAddress tile, ReadOnlySpan<double> block)
    {
        var (x, y) = _layout.BlockOffset(tile);
        var size = WebMercatorQuad.TileSize;
        var level = _layout.NativeZoom - tile.Zoom;
        lock (_writeLock)
        {
            if (level == 0)
            {
                _target.Write(x, y, size, size, block, size, size);
            }
            else
            {
                for (var band = 0; band < _mask.Bands; band++)
                {
                    _target.GetBand(band + 1).GetOverview(level - 1)
                        .Write(x, y, size, size, block.Slice(band * CogBlockMask.BandPixels, CogBlockMask.BandPixels));
                }
            }

            _written++;
        }
    }

    private void Tick()
    {
        var done = Interlocked.Increment(ref _done);
        _progress.Report(done / (double)Math.Max(1, _nativeTiles));
    }
}
