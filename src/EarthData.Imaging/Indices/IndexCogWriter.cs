using System.Buffers;
using System.Globalization;
using EarthData.Core.Indices;
using EarthData.Core.Metadata;
using EarthData.Gdal;
using EarthData.Imaging.Cog;
using EarthData.Imaging.Radiometry;

namespace EarthData.Imaging.Indices;

/// <summary>
/// Writes spectral index COGs of a scene from its Web Mercator DN COG (the master product): one single-band COG per
/// index, on exactly the master's GoogleMapsCompatible grid (same size, geotransform, native zoom, overview levels and
/// <c>TILING_SCHEME</c> metadata), so index block (x, y) at any level is the same XYZ tile as the master's.
/// </summary>
/// <remarks>
/// <para>Values are computed on TOA reflectance (DN × <see cref="ReflectanceFactors"/>, the scene factors the alert
/// evaluator and <c>eo:cloud_cover</c> use too) by <see cref="IndexKernels"/>, one 256 × 256 block at a time (pooled
/// buffers: never the whole scene in memory), all requested indices from one read of the bands; blocks the master's
/// overviews show empty (most of the padded grid) are never read nor written.</para>
/// <para>Encoding: Int16 × 10 000 (<see cref="Scale"/>, offset 0), nodata <see cref="NoData"/> wherever an input band is
/// nodata (DN 0), the master's alpha is 0, or the kernel is undefined (zero denominator). Values beyond ±3.2767 (only
/// EVI can reach them, where its denominator nears 0) are clamped. Overviews are GDAL's <c>AVERAGE</c> of the index
/// (nodata excluded). Thread-safe: each call opens its own datasets.</para>
/// </remarks>
public static class IndexCogWriter
{
    /// <summary>Index units per stored Int16 count (STAC <c>raster:scale</c>, GDAL band scale).</summary>
    public const double Scale = 1e-4;

    /// <summary>The stored nodata value.</summary>
    public const short NoData = short.MinValue;

    /// <summary>The reason given when a scene has no calibration for the bands an index reads.</summary>
    public const string NoCalibrationReason = "needs TOA reflectance, and the scene's INPE metadata has no calibration coefficients (or sun elevation) for its bands";

    private const int BlockSize = 256;
    private const int BlockPixels = BlockSize * BlockSize;

    /// <summary>The file name of an index COG in the output directory (<c>ndvi.tif</c>).</summary>
    public static string FileName(SpectralIndex index) => IndexDefinition.Of(index).AssetKey + ".tif";

    /// <summary>
    /// Writes <c>{outputDirectory}/{asset}.tif</c> for each of <paramref name="indices"/> that the scene allows (each
    /// replaced only when complete); the others are reported with the reason in <see cref="IndexCogResult.Unavailable"/>.
    /// </summary>
    /// <param name="cogPath">The scene's DN COG, bands described by their common names (as <c>CogWriter</c> writes them), nodata 0 or an alpha band.</param>
    /// <param name="metadata">The scene's metadata (camera, calibration, sun elevation, date).</param>
    /// <param name="indices">The indices wanted (distinct); empty writes nothing.</param>
    /// <param name="outputDirectory">Existing directory the COGs go to.</param>
    /// <param name="threads">Compression threads.</param>
    /// <param name="cancellationToken">Checked between strips; nothing partial is left at a destination.</param>
    /// <exception cref="GdalException">GDAL failed to read or write.</exception>
    public static IndexCogResult Write(string cogPath, SceneMetadata metadata, IReadOnlyList<SpectralIndex> indices, string outputDirectory, int threads,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cogPath);
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        var unavailable = new Dictionary<string, string>(StringComparer.Ordinal);
        var wanted = new List<IndexDefinition>();
        foreach (var definition in indices.Distinct().Select(IndexDefinition.Of))
        {
            if (definition.Availability(metadata.Camera) is { } reason)
            {
                unavailable[definition.AssetKey] = reason;
            }
            else
            {
                wanted.Add(definition);
            }
        }

        if (wanted.Count == 0)
        {
            return new IndexCogResult([], unavailable);
        }

        using var source = GdalDataset.Open(cogPath);
        var names = wanted.SelectMany(d => d.Bands).Distinct(StringComparer.Ordinal).ToList();
        var specs = names.Select(n => metadata.Camera.Bands.First(b => b.CommonName == n)).ToList();
        var numbers = names.Select(n => BandNumber(source, n)).ToList();
        if (numbers.Contains(0) || !ReflectanceFactors.TryCompute(metadata, specs, out var factors))
        {
            var reason = numbers.Contains(0) ? $"needs the {string.Join(", ", names)} bands, which the COG does not carry" : NoCalibrationReason;
            foreach (var definition in wanted)
            {
                unavailable[definition.AssetKey] = $"{definition.AssetKey} {reason}";
            }

            return new IndexCogResult([], unavailable);
        }

        var targets = new List<(IndexDefinition Definition, string Blocks, string Destination)>();
        try
        {
            foreach (var definition in wanted)
            {
                var destination = Path.Combine(outputDirectory, FileName(definition.Index));
                targets.Add((definition, $"{destination}.{Guid.NewGuid():N}.blocks.tif", destination));
            }

            var inputs = new BandInputs(source, numbers, factors);
            ComputeBlocks(source, inputs, names, targets, threads, cancellationToken);
            foreach (var (definition, blocks, destination) in targets)
            {
                cancellationToken.ThrowIfCancellationRequested();
                CopyToCog(source, blocks, destination, threads, cancellationToken);
            }
        }
        finally
        {
            foreach (var target in targets)
            {
                File.Delete(target.Blocks);
                File.Delete(target.Destination + ".partial");
            }
        }

        return new IndexCogResult([.. wanted.Select(d => d.Index)], unavailable);
    }

    private static void ComputeBlocks(GdalDataset source, BandInputs inputs, List<string> names, List<(IndexDefinition Definition, string Blocks, string Destination)> targets,
        int threads, CancellationToken cancellationToken)
    {
        var (width, height) = (source.Width, source.Height);
        var outputs = new List<GdalDataset>();
        var reflectance = names.Select(_ => ArrayPool<float>.Shared.Rent(BlockPixels)).ToArray();
        var result = ArrayPool<float>.Shared.Rent(BlockPixels);
        var encoded = ArrayPool<short>.Shared.Rent(BlockPixels);
        try
        {
            foreach (var target in targets)
            {
                outputs.Add(CreateBlocks(source, target.Blocks, target.Definition, threads));
            }

            var coverage = BlockCoverage.Of(source, inputs.FirstBand);
            for (var y = 0; y < height; y += BlockSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                for (var x = 0; x < width; x += BlockSize)
                {
                    var (columns, rows) = (Math.Min(BlockSize, width - x), Math.Min(BlockSize, height - y));
                    var n = columns * rows;
                    if (!coverage.MayHoldData(x / BlockSize, y / BlockSize) || !inputs.Read(x, y, columns, rows, reflectance))
                    {
                        continue; // no valid pixel in the block: it stays sparse (nodata)
                    }

                    for (var t = 0; t < targets.Count; t++)
                    {
                        var definition = targets[t].Definition;
                        var bands = definition.Bands.Select(b => reflectance[names.IndexOf(b)]).ToArray();
                        IndexRaster.Apply(definition.Index, bands, n, result.AsSpan(0, n));
                        Encode(result.AsSpan(0, n), encoded.AsSpan(0, n));
                        outputs[t].GetBand(1).Write<short>(x, y, columns, rows, encoded.AsSpan(0, n));
                    }
                }
            }

            var overviews = source.GetBand(1).OverviewCount;
            foreach (var output in outputs)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (overviews > 0)
                {
                    // Built here, from the sparse full resolution (empty blocks are skipped), so the COG driver only copies.
                    output.BuildOverviews("AVERAGE", [.. Enumerable.Range(1, overviews).Select(level => 1 << level)], null, cancellationToken);
                }

                output.Close();
            }
        }
        finally
        {
            foreach (var output in outputs)
            {
                output.Dispose();
            }

            foreach (var buffer in reflectance)
            {
                ArrayPool<float>.Shared.Return(buffer);
            }

            ArrayPool<float>.Shared.Return(result);
            ArrayPool<short>.Shared.Return(encoded);
        }
    }

    /// <summary>Index values → Int16 counts (× 10 000, rounded, clamped to ±32 767); NaN → <see cref="NoData"/>.</summary>
    public static void Encode(ReadOnlySpan<float> values, Span<short> counts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(counts.Length, values.Length, nameof(counts));
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            counts[i] = float.IsNaN(v) ? NoData : (short)Math.Clamp(MathF.Round(v / (float)Scale), -short.MaxValue, short.MaxValue);
        }
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
            band.NoDataValue = NoData;
            band.Scale = Scale;
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

    private static int BandNumber(GdalDataset dataset, string commonName)
    {
        for (var i = 1; i <= dataset.BandCount; i++)
        {
            if (string.Equals(dataset.GetBand(i).Description, commonName, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return 0;
    }

    /// <summary>Reads blocks of the input bands as reflectance, 0 where the master has no data.</summary>
    private sealed class BandInputs(GdalDataset source, List<int> numbers, double[] factors)
    {
        private readonly int _alpha = source.GetBand(source.BandCount).ColorInterpretation == ColorInterpretation.Alpha ? source.BandCount : 0;

        /// <summary>The first input band (its mask tells where the master has data).</summary>
        public int FirstBand => numbers[0];

        /// <summary>Fills <paramref name="buffers"/> with the window; false when no pixel of it has data.</summary>
        public bool Read(int x, int y, int columns, int rows, float[][] buffers)
        {
            var n = columns * rows;
            var any = false;
            float[]? alpha = null;
            try
            {
                if (_alpha > 0)
                {
                    alpha = ArrayPool<float>.Shared.Rent(n);
                    source.GetBand(_alpha).Read<float>(x, y, columns, rows, alpha.AsSpan(0, n));
                }

                for (var b = 0; b < numbers.Count; b++)
                {
                    var band = source.GetBand(numbers[b]);
                    var values = buffers[b].AsSpan(0, n);
                    band.Read<float>(x, y, columns, rows, values);
                    var noData = band.NoDataValue is { } nd ? (float)nd : float.NaN;
                    var factor = (float)factors[b];
                    for (var i = 0; i < values.Length; i++)
                    {
                        var v = values[i];
                        // 0 is the kernels' missing value: nodata, NaN and alpha 0 all map onto it.
                        var missing = v == noData || float.IsNaN(v) || (alpha is not null && alpha[i] == 0);
                        values[i] = missing ? 0 : v * factor;
                        any |= !missing;
                    }
                }
            }
            finally
            {
                if (alpha is not null)
                {
                    ArrayPool<float>.Shared.Return(alpha);
                }
            }

            return any;
        }
    }
}
