using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using EarthData.Core.Tiling;
using EarthData.Gdal;
using EarthData.Imaging.Layers;
using EarthData.Imaging.Rendering;
using EarthData.Imaging.Tiling;

namespace EarthData.Imaging.Pyramid;

/// <summary>The state of one <see cref="PyramidBuilder"/> run: subtrees in parallel, then the few coarse zooms.</summary>
internal sealed class PyramidRun
{
    private const int TileBytes = TileDownsampler.TileBytes;

    private readonly string _path;
    private readonly AlignedGrid _grid;
    private readonly LayerRenderer _renderer;
    private readonly PyramidOptions _options;
    private readonly ITileSink _sink;
    private readonly int _min;
    private readonly int _max;
    private readonly int _base;
    private readonly int _split;
    private readonly TileBlock?[] _ranges = new TileBlock?[TileAddress.MaxZoom + 2];
    private readonly int[] _perZoom;
    private readonly IProgress<double>? _progress;
    private readonly CancellationToken _cancellationToken;
    private readonly Lock _progressLock = new();
    private readonly ResampleAlgorithm _readResampling;
    private readonly long _total;
    private CoverageGrid? _coverage;
    private long _done;
    private double _lastReported;
    private long _bytes;
    private long _encodeTicks;

    public PyramidRun(string path, AlignedGrid grid, LayerRenderer renderer, PyramidOptions options, ITileSink sink,
        int min, int max, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        _path = path;
        _grid = grid;
        _renderer = renderer;
        _options = options;
        _sink = sink;
        _min = min;
        _max = max;
        _base = Math.Min(max, grid.NativeZoom);
        _progress = progress;
        _cancellationToken = cancellationToken;
        _perZoom = new int[max - min + 1];
        _readResampling = PyramidBuilder.ToGdal(options.Resampling);
        var (x0, y0, x1, y1) = grid.Extent;
        for (var z = min; z <= max; z++)
        {
            _ranges[z] = TileBlock.FromExtent(x0, y0, x1, y1, z);
            _total += _ranges[z]!.Value.Count;
        }

        _split = _base;
        for (var z = min; z <= _base; z++)
        {
            if (_ranges[z]!.Value.Count >= 4L * options.Threads)
            {
                _split = z;
                break;
            }
        }
    }

    public PyramidResult Execute()
    {
        var started = Stopwatch.StartNew();
        if (_options.ReadCoverage)
        {
            using var dataset = GdalDataset.Open(_path);
            _coverage = CoverageGrid.Read(dataset, _grid, _renderer);
        }

        var roots = _ranges[_split]!.Value.Tiles().ToArray();
        var keep = _split > _min ? new ConcurrentDictionary<TileAddress, byte[]>() : null;
        try
        {
            ParallelSubtrees.Run(roots, _options.Threads, () => new Worker(_path), Subtree, keep, static b => ArrayPool<byte>.Shared.Return(b), _cancellationToken);
            if (keep is not null)
            {
                BuildCoarseZooms(keep);
            }
        }
        finally
        {
            if (keep is not null)
            {
                foreach (var buffer in keep.Values)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }
        }

        var written = 0L;
        foreach (var n in _perZoom)
        {
            written += n;
        }

        return new PyramidResult(_min, _max, _grid.NativeZoom, _perZoom, _total - written, _bytes, started.Elapsed,
            Stopwatch.GetElapsedTime(0, _encodeTicks), _grid.Extent);
    }

    /// <summary>Zooms coarser than the split zoom, from the kept split-zoom tiles, on the calling thread.</summary>
    private void BuildCoarseZooms(ConcurrentDictionary<TileAddress, byte[]> level)
    {
        using var worker = new Worker(_path);
        for (var z = _split - 1; z >= _min; z--)
        {
            foreach (var tile in _ranges[z]!.Value.Tiles())
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var (nw, ne, sw, se) = tile.Children;
                var parent = Reduce(worker, tile, Take(level, nw), Take(level, ne), Take(level, sw), Take(level, se));
                if (parent is not null)
                {
                    level[tile] = parent;
                }
            }
        }
    }

    private static byte[]? Take(ConcurrentDictionary<TileAddress, byte[]> level, TileAddress tile) =>
        level.TryRemove(tile, out var buffer) ? buffer : null;

    private byte[]? Subtree(Worker worker, TileAddress tile, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_coverage?.MayCover(tile) == false)
        {
            SkipEmptySubtree(tile);
            return null;
        }

        if (tile.Zoom >= _base)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(TileBytes);
            var window = _grid.Window(tile, _readResampling);
            var visible = window is { } w && _renderer.Render(worker.Dataset, w, buffer.AsSpan(0, TileBytes));
            if (visible)
            {
                Emit(worker, tile, buffer);
            }
            else
            {
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = null;
            }

            Tick();
            if (tile.Zoom < _max)
            {
                var children = tile.Children;
                ReturnIfAny(Child(worker, children.NorthWest, cancellationToken));
                ReturnIfAny(Child(worker, children.NorthEast, cancellationToken));
                ReturnIfAny(Child(worker, children.SouthWest, cancellationToken));
                ReturnIfAny(Child(worker, children.SouthEast, cancellationToken));
            }

            return buffer;
        }

        var (nw, ne, sw, se) = tile.Children;
        var a = Child(worker, nw, cancellationToken);
        var b = Child(worker, ne, cancellationToken);
        var c = Child(worker, sw, cancellationToken);
        var d = Child(worker, se, cancellationToken);
        return Reduce(worker, tile, a, b, c, d);
    }

    /// <summary>Counts a subtree known to be empty as done, without reading it.</summary>
    private void SkipEmptySubtree(TileAddress tile)
    {
        long skipped = 0;
        for (var z = tile.Zoom; z <= _max; z++)
        {
            var shift = z - tile.Zoom;
            var range = _ranges[z]!.Value;
            var x0 = Math.Max(range.MinX, (long)tile.X << shift);
            var x1 = Math.Min(range.MaxX, (((long)tile.X + 1) << shift) - 1);
            var y0 = Math.Max(range.MinY, (long)tile.Y << shift);
            var y1 = Math.Min(range.MaxY, (((long)tile.Y + 1) << shift) - 1);
            skipped += Math.Max(0, x1 - x0 + 1) * Math.Max(0, y1 - y0 + 1);
        }

        Tick(skipped);
    }

    private byte[]? Child(Worker worker, TileAddress child, CancellationToken cancellationToken) =>
        _ranges[child.Zoom] is { } range && range.Contains(child) ? Subtree(worker, child, cancellationToken) : null;

    /// <summary>Builds a parent from its children (returning them to the pool) and writes it when visible.</summary>
    private byte[]? Reduce(Worker worker, TileAddress tile, byte[]? nw, byte[]? ne, byte[]? sw, byte[]? se)
    {
        try
        {
            if (nw is null && ne is null && sw is null && se is null)
            {
                return null;
            }

            var parent = ArrayPool<byte>.Shared.Rent(TileBytes);
            var span = parent.AsSpan(0, TileBytes);
            TileDownsampler.Downsample(Slice(nw), Slice(ne), Slice(sw), Slice(se), span, _options.Resampling);
            if (RgbaComposer.IsFullyTransparent(span))
            {
                ArrayPool<byte>.Shared.Return(parent);
                return null;
            }

            Emit(worker, tile, parent);
            return parent;
        }
        finally
        {
            ReturnIfAny(nw);
            ReturnIfAny(ne);
            ReturnIfAny(sw);
            ReturnIfAny(se);
            Tick();
        }
    }

    private static ReadOnlySpan<byte> Slice(byte[]? tile) => tile is null ? default : tile.AsSpan(0, TileBytes);

    private static void ReturnIfAny(byte[]? buffer)
    {
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Emit(Worker worker, TileAddress tile, byte[] rgba)
    {
        var output = worker.Output;
        output.ResetWrittenCount();
        var start = Stopwatch.GetTimestamp();
        _options.Encoder.Encode(rgba.AsSpan(0, TileBytes), TileDownsampler.TileSize, TileDownsampler.TileSize, output);
        Interlocked.Add(ref _encodeTicks, Stopwatch.GetTimestamp() - start);
        _sink.Write(tile, output.WrittenSpan);
        Interlocked.Increment(ref _perZoom[tile.Zoom - _min]);
        Interlocked.Add(ref _bytes, output.WrittenCount);
    }

    private void Tick(long count = 1)
    {
        var done = Interlocked.Add(ref _done, count);
        if (_progress is null)
        {
            return;
        }

        lock (_progressLock)
        {
            var value = Math.Min(1.0, (double)done / _total);
            if (value > _lastReported)
            {
                _lastReported = value;
                _progress.Report(value);
            }
        }
    }

    /// <summary>One worker's own dataset (opened on first use, never shared) and encode buffer.</summary>
    private sealed class Worker(string path) : IDisposable
    {
        private GdalDataset? _dataset;

        public GdalDataset Dataset => _dataset ??= GdalDataset.Open(path);

        public ArrayBufferWriter<byte> Output { get; } = new(64 * 1024);

        public void Dispose() => _dataset?.Dispose();
    }
}
