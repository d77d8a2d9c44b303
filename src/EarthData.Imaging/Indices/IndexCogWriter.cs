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
/// <para>Values are computed on TOA reflectance (DN × <see cref="HeadFactors"/>: the scene factors, or on a two-head
/// WFI/AWFI scene whose heads are calibrated apart each head's own factors for the pixels west or east of the seam
/// between them — the factors the alert evaluator uses too) by <see cref="IndexKernels"/>, one 256 × 256 block at a time (pooled
/// buffers: never the whole scene in memory), all requested indices from one read of the bands — the same read that
/// feeds the scene statistics when <see cref="MasterCogPass"/> writes them; blocks the master stores nowhere (most of
/// the padded grid) are never read nor written.</para>
/// <para>Encoding: Int16 × 10 000 (<see cref="Scale"/>, offset 0), nodata <see cref="NoData"/> wherever an input band is
/// nodata (DN 0), the master's alpha is 0, or the kernel is undefined (zero denominator). Values beyond ±3.2767 (only
/// EVI can reach them, where its denominator nears 0) are clamped. Overviews are the <c>AVERAGE</c> of the index
/// (nodata excluded) that GDAL's GTiff overview builder gives, reduced by <see cref="IndexOverviews"/> from the blocks
/// that hold data only, down to the master's tiling levels. Written uncompressed to a sparse intermediate and compressed
/// once, by the copy to the COG. Thread-safe: each call opens its own datasets.</para>
/// </remarks>
public static class IndexCogWriter
{
    /// <summary>Index units per stored Int16 count (STAC <c>raster:scale</c>, GDAL band scale).</summary>
    public const double Scale = 1e-4;

    /// <summary>The stored nodata value.</summary>
    public const short NoData = short.MinValue;

    /// <summary>The reason given when a scene has no calibration for the bands an index reads.</summary>
    public const string NoCalibrationReason = "needs TOA reflectance, and the scene's INPE metadata has no calibration coefficients (or sun elevation) for its bands";

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
        if (indices.Count == 0)
        {
            return new IndexCogResult([], new Dictionary<string, string>(StringComparer.Ordinal));
        }

        using var source = GdalDataset.Open(cogPath);
        using var build = Begin(source, metadata, indices, outputDirectory, threads, out var result);
        if (build is null)
        {
            return result;
        }

        CogBlockPass.Run(source, [build], cancellationToken);
        return build.Finish(cancellationToken);
    }

    /// <summary>
    /// Prepares the index COGs of <paramref name="source"/> as a consumer of a <see cref="CogBlockPass"/> (the caller
    /// runs the pass and calls <see cref="IndexCogBuild.Finish"/>); null, with <paramref name="result"/> saying why,
    /// when the scene allows none of <paramref name="indices"/>.
    /// </summary>
    internal static IndexCogBuild? Begin(GdalDataset source, SceneMetadata metadata, IReadOnlyList<SpectralIndex> indices, string outputDirectory, int threads,
        out IndexCogResult result)
    {
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

        result = new IndexCogResult([], unavailable);
        if (wanted.Count == 0)
        {
            return null;
        }

        var names = wanted.SelectMany(d => d.Bands).Distinct(StringComparer.Ordinal).ToList();
        var specs = names.Select(n => metadata.Camera.Bands.First(b => b.CommonName == n)).ToList();
        var numbers = names.Select(n => BandNumber(source, n)).ToList();
        var factors = numbers.Contains(0) ? null : HeadFactors.Of(metadata, specs, source);
        if (factors is null)
        {
            var reason = numbers.Contains(0) ? $"needs the {string.Join(", ", names)} bands, which the COG does not carry" : NoCalibrationReason;
            foreach (var definition in wanted)
            {
                unavailable[definition.AssetKey] = $"{definition.AssetKey} {reason}";
            }

            return null;
        }

        return new IndexCogBuild(source, wanted, names, numbers, factors, unavailable, outputDirectory, threads);
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
}
