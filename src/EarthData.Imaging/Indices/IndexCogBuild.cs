using System.Buffers;
using System.Globalization;
using EarthData.Core.Indices;
using EarthData.Gdal;
using EarthData.Imaging.Cog;

namespace EarthData.Imaging.Indices;

/// <summary>
/// The index COGs of one scene being built from the blocks of a <see cref="CogBlockPass"/> over the master COG:
/// each block's input bands become TOA reflectance, every wanted index is computed and written to a sparse tiled
/// intermediate on the master's grid; <see cref="Finish"/> adds the overviews and copies each to its COG.
/// Dispose removes the intermediates (and, unless finished, nothing reaches a destination).
/// </summary>
internal sealed class IndexCogBuild : ICogBlockConsumer, IDisposable
{
    private const int BlockPixels = CogBlockPass.BlockSide * CogBlockPass.BlockSide;

    private readonly GdalDataset _source;
    private readonly List<IndexDefinition> _wanted;
    private readonly List<string> _names;
    private readonly int[] _numbers;
    private readonly double[] _factors;
    private readonly double?[] _noData;
    private readonly int _alpha;
    private readonly Dictionary<string, string> _unavailable;
    private readonly int _threads;
    private readonly List<(IndexDefinition Definition, string Blocks, string Destination)> _targets = [];
    private readonly List<GdalDataset> _outputs = [];
    private readonly float[][] _reflectance;
    private readonly float[] _result = new float[BlockPixels];
    private readonly short[] _encoded = new short[BlockPixels];

    public IndexCogBuild(GdalDataset source, List<IndexDefinition> wanted, List<string> names, List<int> numbers, double[] factors,
        Dictionary<string, string> unavailable, string outputDirectory, int threads)
    {
        (_source, _wanted, _names, _numbers, _factors, _unavailable, _threads) = (source, wanted, names, [.. numbers], factors, unavailable, threads);
        _noData = [.. _numbers.Select(n => source.GetBand(n).NoDataValue)];
        _alpha = source.GetBand(source.BandCount).ColorInterpretation == ColorInterpretation.Alpha ? source.BandCount : 0;
        Bands = _alpha > 0 ? [.. _numbers, _alpha] : _numbers;
        _reflectance = [.. names.Select(_ => new float[BlockPixels])];
        try
        {
            foreach (var definition in wanted)
            {
                var destination = Path.Combine(outputDirectory, IndexCogWriter.FileName(definition.Index));
                var blocks = $"{destination}.{Guid.NewGuid():N}.blocks.tif";
                _targets.Add((definition, blocks, destination));
                _outputs.Add(CreateBlocks(source, blocks, definition, threads));
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public IReadOnlyList<int> Bands { get; }

    public void Add(CogBlock block)
    {
        var n = block.Length;
        if (!ToReflectance(block))
        {
            return; // no valid pixel in the block: it stays sparse (nodata)
        }

        for (var t = 0; t < _targets.Count; t++)
        {
            var definition = _targets[t].Definition;
            var bands = definition.Bands.Select(b => _reflectance[_names.IndexOf(b)]).ToArray();
            IndexRaster.Apply(definition.Index, bands, n, _result.AsSpan(0, n));
            IndexCogWriter.Encode(_result.AsSpan(0, n), _encoded.AsSpan(0, n));
            _outputs[t].GetBand(1).Write<short>(block.X, block.Y, block.Columns, block.Rows, _encoded.AsSpan(0, n));
        }
    }

    /// <summary>Builds the overviews, copies each intermediate to its COG and returns what was written.</summary>
    public IndexCogResult Finish(CancellationToken cancellationToken)
    {
        var overviews = _source.GetBand(1).OverviewCount;
        foreach (var output in _outputs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (overviews > 0)
            {
                // Built here, from the sparse full resolution (empty blocks are skipped), so the COG driver only copies.
                output.BuildOverviews("AVERAGE", [.. Enumerable.Range(1, overviews).Select(level => 1 << level)], null, cancellationToken);
            }

            output.Close();
        }

        foreach (var (_, blocks, destination) in _targets)
        {
            cancellationToken.ThrowIfCancellationRequested();
            CopyToCog(_source, blocks, destination, _threads, cancellationToken);
        }

        return new IndexCogResult([.. _wanted.Select(d => d.Index)], _unavailable);
    }

    public void Dispose()
    {
        foreach (var output in _outputs)
        {
            output.Dispose();
        }

        foreach (var target in _targets)
        {
            File.Delete(target.Blocks);
            File.Delete(target.Destination + ".partial");
        }
    }

    /// <summary>The input bands of the block as reflectance, 0 where the master has no data; false when no pixel has.</summary>
    private bool ToReflectance(CogBlock block)
    {
        var n = block.Length;
        var alpha = _alpha > 0 ? block.Values(_alpha) : default;
        var any = false;
        for (var b = 0; b < _numbers.Length; b++)
        {
            var values = block.Values(_numbers[b]);
            var output = _reflectance[b].AsSpan(0, n);
            var noData = _noData[b] is { } nd ? (float)nd : float.NaN;
            var factor = (float)_factors[b];
            for (var i = 0; i < n; i++)
            {
                var v = (float)values[i];
                // 0 is the kernels' missing value: nodata, NaN and alpha 0 all map onto it.
                var missing = v == noData || float.IsNaN(v) || (!alpha.IsEmpty && alpha[i] == 0);
                output[i] = missing ? 0 : v * factor;
                any |= !missing;
            }
        }

        return any;
    }

    private static GdalDataset CreateBlocks(GdalDataset source, string path, IndexDefinition definition, int threads)
    {
        var target = GdalDataset.Create("GTiff", path, source.Width, source.Height, 1, GdalDataType.Int16,
        [
            "TILED=YES", "BLOCKXSIZE=256", "BLOCKYSIZE=256", "SPARSE_OK=TRUE", "BIGTIFF=IF_SAFER",
            "COMPRESS=ZSTD", "ZSTD_LEVEL=1", "NUM_THREADS=" + threads.ToString(CultureInfo.InvariantCulture),
        ]);
        try
        {
            target.GeoTransform = source.GeoTransform ?? throw new GdalException($"'{source.Path}' has no geotransform.");
            using (var srs = source.GetSpatialReference() ?? throw new GdalException($"'{source.Path}' has no CRS."))
            {
                target.SetSpatialReference(srs);
            }

            var band = target.GetBand(1);
            band.NoDataValue = IndexCogWriter.NoData;
            band.Scale = IndexCogWriter.Scale;
            band.Offset = 0;
            band.Description = definition.AssetKey;
            foreach (var (key, value) in source.GetMetadata("TILING_SCHEME"))
            {
                target.SetMetadataItem(key, value, "TILING_SCHEME");
            }

            return target;
        }
        catch
        {
            target.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Copies the blocks to a COG with the master's tiling options: the raster already spans the master's aligned grid
    /// and carries the master's overview levels, so GDAL's COG driver neither pads, warps nor resamples it.
    /// </summary>
    private static void CopyToCog(GdalDataset master, string blocks, string destination, int threads, CancellationToken cancellationToken)
    {
        var zoom = int.Parse(master.GetMetadataItem("ZOOM_LEVEL", "TILING_SCHEME")
            ?? throw new GdalException($"'{master.Path}' is not a GoogleMapsCompatible COG (no TILING_SCHEME metadata)."), CultureInfo.InvariantCulture);
        var overviews = master.GetBand(1).OverviewCount;
        var grid = new CogGrid(zoom, zoom - overviews, default);
        var request = new CogRequest { Source = blocks, Destination = destination, WarpResampling = "nearest", Threads = threads };
        var temporary = destination + ".partial";
        using (var input = GdalDataset.Open(blocks))
        using (var cog = GdalDataset.CreateCopy("COG", temporary, input, CogCreationOptions.For(request, grid, existingOverviews: overviews > 0), null, cancellationToken))
        {
            cog.Close();
        }

        File.Move(temporary, destination, overwrite: true);
    }
}
