using System.Globalization;
using System.Buffers;
using EarthData.Core.Indices;
using EarthData.Gdal;
using EarthData.Imaging.Cog;
using EarthData.Imaging.Radiometry;

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
    private readonly HeadFactors _factors;
    private readonly double?[] _noData;
    private readonly int _alpha;
    private readonly Dictionary<string, string> _unavailable;
    private readonly int _threads;
    private readonly List<(IndexDefinition Definition, string Blocks, string Destination)> _targets = [];
    private readonly List<GdalDataset> _outputs = [];
    private readonly float[][] _reflectance;
    private readonly float[] _result = new float[BlockPixels];
    private readonly short[] _encoded = new short[BlockPixels];
    private readonly int _overviews;
    private readonly bool[] _stored;
    private readonly int _blocksAcross;

    /// <param name="source">The master COG.</param>
    /// <param name="wanted">The indices to write.</param>
    /// <param name="names">Common names of the input bands.</param>
    /// <param name="numbers">The master's band number of each input band.</param>
    /// <param name="factors">The reflectance factors of each input band on <paramref name="source"/>'s pixels.</param>
    /// <param name="unavailable">Requested indices the scene does not allow (reported by <see cref="Finish"/>).</param>
    /// <param name="outputDirectory">Where the COGs go.</param>
    /// <param name="threads">Compression threads.</param>
    public IndexCogBuild(GdalDataset source, List<IndexDefinition> wanted, List<string> names, List<int> numbers, HeadFactors factors,
        Dictionary<string, string> unavailable, string outputDirectory, int threads)
    {
        (_source, _wanted, _names, _numbers, _factors, _unavailable, _threads) = (source, wanted, names, [.. numbers], factors, unavailable, threads);
        _noData = [.. _numbers.Select(n => source.GetBand(n).NoDataValue)];
        _alpha = source.GetBand(source.BandCount).ColorInterpretation == ColorInterpretation.Alpha ? source.BandCount : 0;
        Bands = _alpha > 0 ? [.. _numbers, _alpha] : _numbers;
        _reflectance = [.. names.Select(_ => new float[BlockPixels])];
        _overviews = OverviewLevels(source);
        _blocksAcross = (source.Width + CogBlockPass.BlockSide - 1) / CogBlockPass.BlockSide;
        _stored = new bool[_blocksAcross * ((source.Height + CogBlockPass.BlockSide - 1) / CogBlockPass.BlockSide)];
        try
        {
            foreach (var definition in wanted)
            {
                var destination = Path.Combine(outputDirectory, IndexCogWriter.FileName(definition.Index));
                var blocks = $"{destination}.{Guid.NewGuid():N}.blocks.tif";
                _targets.Add((definition, blocks, destination));
                _outputs.Add(CreateBlocks(source, blocks, definition, _overviews));
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

        _stored[((block.Y / CogBlockPass.BlockSide) * _blocksAcross) + (block.X / CogBlockPass.BlockSide)] = true;

        for (var t = 0; t < _targets.Count; t++)
        {
            var definition = _targets[t].Definition;
            var bands = definition.Bands.Select(b => _reflectance[_names.IndexOf(b)]).ToArray();
            IndexRaster.Apply(definition.Index, bands, n, _result.AsSpan(0, n));
            IndexCogWriter.Encode(_result.AsSpan(0, n), _encoded.AsSpan(0, n));
            _outputs[t].GetBand(1).Write<short>(block.X, block.Y, block.Columns, block.Rows, _encoded.AsSpan(0, n));
        }
    }

    /// <summary>Reduces the overviews, copies each intermediate to its COG and returns what was written.</summary>
    public IndexCogResult Finish(CancellationToken cancellationToken)
    {
        foreach (var output in _outputs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_overviews > 0 && IndexOverviews.Fits(_source.Width, _source.Height, _overviews))
            {
                IndexOverviews.Reduce(output.GetBand(1), _stored, _blocksAcross, _overviews, cancellationToken);
            }
            else if (_overviews > 0)
            {
                // Not whole blocks at every level (never on a tiling-scheme master): GDAL's pass over every block.
                output.BuildOverviews("AVERAGE", [.. Enumerable.Range(1, _overviews).Select(level => 1 << level)], null, cancellationToken);
            }

            output.Close();
        }

        foreach (var (_, blocks, destination) in _targets)
        {
            cancellationToken.ThrowIfCancellationRequested();
            CopyToCog(_source, blocks, destination, _overviews, _threads, cancellationToken);
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

    /// <summary>
    /// The input bands of the block as reflectance (each pixel with its head's factor on a two-head scene), 0 where
    /// the master has no data; false when no pixel has.
    /// </summary>
    private bool ToReflectance(CogBlock block)
    {
        var (columns, rows) = (block.Columns, block.Rows);
        var alpha = _alpha > 0 ? block.Values(_alpha) : default;
        var any = false;
        for (var b = 0; b < _numbers.Length; b++)
        {
            var values = block.Values(_numbers[b]);
            var output = _reflectance[b];
            var noData = _noData[b] is { } nd ? (float)nd : float.NaN;
            var (left, right) = ((float)_factors.Left(b), (float)_factors.Right(b));
            for (var r = 0; r < rows; r++)
            {
                var split = Math.Clamp(_factors.FirstRightColumn(block.Y + r) - block.X, 0, columns);
                for (var c = 0; c < columns; c++)
                {
                    var i = (r * columns) + c;
                    var v = (float)values[i];
                    // 0 is the kernels' missing value: nodata, NaN and alpha 0 all map onto it.
                    var missing = v == noData || float.IsNaN(v) || (!alpha.IsEmpty && alpha[i] == 0);
                    output[i] = missing ? 0 : v * (c < split ? left : right);
                    any |= !missing;
                }
            }
        }

        return any;
    }

    private static GdalDataset CreateBlocks(GdalDataset source, string path, IndexDefinition definition, int overviews)
    {
        var target = GdalDataset.Create("GTiff", path, source.Width, source.Height, 1, GdalDataType.Int16,
        [
            // Uncompressed: the COG copy compresses once (this file is written, read for the overviews and copied).
            "TILED=YES", "BLOCKXSIZE=256", "BLOCKYSIZE=256", "SPARSE_OK=TRUE", "BIGTIFF=IF_SAFER", "COMPRESS=NONE",
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
            if (overviews > 0)
            {
                // Empty levels (sparse), filled block by block by IndexOverviews.
                target.BuildOverviews("NONE", [.. Enumerable.Range(1, overviews).Select(level => 1 << level)]);
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
    /// The overview levels of the index COGs: the master's, or — where the master was written without overviews — the
    /// levels its <c>TILING_SCHEME</c> aligns (<c>ALIGNED_LEVELS</c> − 1), so every level's blocks are XYZ tiles.
    /// </summary>
    private static int OverviewLevels(GdalDataset master)
    {
        var count = master.GetBand(1).OverviewCount;
        if (count > 0)
        {
            return count;
        }

        return int.TryParse(master.GetMetadataItem("ALIGNED_LEVELS", "TILING_SCHEME"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var aligned)
            ? Math.Max(0, aligned - 1)
            : 0;
    }

    /// <summary>
    /// Copies the intermediate to a cloud-optimized GeoTIFF, compressing once: GTiff's <c>COPY_SRC_OVERVIEWS</c> lays out
    /// the IFDs first and the blocks smallest level first (the layout GDAL's COG driver produces, <c>LAYOUT=COG</c>),
    /// and the <c>@TILING_SCHEME_*</c> options (the ones the COG driver hands GTiff) record the master's
    /// <c>TILING_SCHEME</c> metadata. The COG driver itself is not used: given <c>TILING_SCHEME</c>, GDAL 3.6 warps
    /// every level again onto the grid the raster is already on (3–4× the CPU of this copy).
    /// </summary>
    private static void CopyToCog(GdalDataset master, string blocks, string destination, int overviews, int threads, CancellationToken cancellationToken)
    {
        var tiling = master.GetMetadata("TILING_SCHEME");
        if (!tiling.TryGetValue("NAME", out var name) || name != "GoogleMapsCompatible"
            || !tiling.TryGetValue("ZOOM_LEVEL", out var zoomText) || !int.TryParse(zoomText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var zoom)
            || !tiling.TryGetValue("ALIGNED_LEVELS", out var alignedText) || !int.TryParse(alignedText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var aligned))
        {
            throw new GdalException($"'{master.Path}' is not a GoogleMapsCompatible COG (no complete TILING_SCHEME metadata).");
        }

        var request = new CogRequest { Source = blocks, Destination = destination, Compression = "ZSTD", CompressionLevel = 1, Predictor = true, Threads = threads };
        var options = CogCreationOptions.ForGTiffCopy(request, zoom, aligned, GdalDataType.Int16);
        if (overviews == 0)
        {
            options.Remove("COPY_SRC_OVERVIEWS=YES");
        }

        var temporary = destination + ".partial";
        using (var input = GdalDataset.Open(blocks))
        using (var cog = GdalDataset.CreateCopy("GTiff", temporary, input, options, null, cancellationToken))
        {
            cog.Close();
        }

        File.Move(temporary, destination, overwrite: true);
    }
}
