using System.Globalization;
using System.Xml.Linq;
using EarthData.Core.Tiling;
using EarthData.Gdal;
using EarthData.Imaging.Cog;
using EarthData.Imaging.Layers;

namespace EarthData.Imaging.Pyramid;

/// <summary>
/// A raster or CBERS scene folder reprojected on demand onto the WebMercatorQuad grid of its native zoom (or of the
/// finest zoom asked for, when coarser): a warped VRT in <c>/vsimem/</c> whose 256-px blocks are exactly the tiles. <see cref="PyramidBuilder"/> workers each
/// open it and so warp just the tiles they render, in parallel and with no intermediate file; a tiler that only needs
/// tiles skips writing (and compressing) a whole COG. Same warp as <see cref="CogWriter"/>: bilinear, GDAL's default
/// error threshold, nodata kept, an alpha band where the source has neither nodata nor alpha.
/// </summary>
/// <remarks>
/// Layer statistics come from <see cref="StatisticsPath"/>, the unwarped source (same bands): a low-resolution read of
/// the warped VRT would warp every pixel once more, and even a coarse warp decodes every source block (35 s for a full
/// AWFI scene), while the statistics need only a sample of pixels, whose distribution the warp does not change.
/// The VRT and the source stack live until <see cref="Dispose"/>.
/// </remarks>
public sealed class WarpedTileSource : IDisposable
{
    private readonly CogSource _source;
    private readonly VsiMemScope _scope;

    private WarpedTileSource(CogSource source, VsiMemScope scope, string path, string statisticsPath, int nativeZoom, int warpZoom)
    {
        _source = source;
        _scope = scope;
        Path = path;
        StatisticsPath = statisticsPath;
        NativeZoom = nativeZoom;
        WarpZoom = warpZoom;
    }

    /// <summary>The warped VRT on the native zoom's tile grid (aligned: <see cref="AlignedCogSource.IsAligned"/> holds).</summary>
    public string Path { get; }

    /// <summary>The source before warping, band for band (for statistics; its alpha band, if any, is last in both).</summary>
    public string StatisticsPath { get; }

    /// <summary>The first zoom whose resolution is at least as fine as the source's pixel size.</summary>
    public int NativeZoom { get; }

    /// <summary>The zoom of <see cref="Path"/>'s pixels: the native zoom, or the finest zoom asked for when coarser.</summary>
    public int WarpZoom { get; }

    /// <summary>Prepares the warped VRT of <paramref name="source"/> (reads only metadata; pixels are warped when read).</summary>
    /// <param name="source">A georeferenced raster file or a scene folder in the archive layout.</param>
    /// <param name="workDirectory">A folder for a helper VRT when <paramref name="lastBandIsAlpha"/> applies.</param>
    /// <param name="lastBandIsAlpha">Treat band 2 of 2 or band 4 of 4 as alpha, as <c>gdal2tiles.py</c> does.</param>
    /// <param name="maxZoom">
    /// The finest zoom the caller will read. When it is coarser than native, the VRT is on that zoom's grid and averages
    /// the source pixels under each of its pixels (GDAL's <c>average</c>), instead of warping 4ⁿ times the pixels at the
    /// native zoom only to average them down again.
    /// </param>
    /// <param name="cancellationToken">Stops the preparation.</param>
    /// <exception cref="ArgumentException">The source has no georeferencing.</exception>
    /// <exception cref="UnsupportedRasterException">The source is not a raster GDAL can read or has an unsupported type.</exception>
    public static WarpedTileSource Open(string source, string workDirectory, bool lastBandIsAlpha, int? maxZoom = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        var prepared = Prepare(source, workDirectory, lastBandIsAlpha, cancellationToken);
        return Create(prepared, source, null, maxZoom, cancellationToken);
    }

    /// <summary>
    /// Resolves <paramref name="layer"/> against the unwarped source (bands, stretch from sampled statistics) and warps
    /// only the bands it reads (plus the source's alpha band): a true-colour layer of a four-band scene warps three.
    /// </summary>
    /// <param name="source">A georeferenced raster file or a scene folder in the archive layout.</param>
    /// <param name="workDirectory">A folder for a helper VRT (a raw layer treats band 2 of 2 or 4 of 4 as alpha).</param>
    /// <param name="layer">The layer to draw.</param>
    /// <param name="collectionId">The CBERS collection when known, for band names.</param>
    /// <param name="maxZoom">The finest zoom the caller will read (see <see cref="Open"/>).</param>
    /// <param name="cancellationToken">Stops the preparation.</param>
    /// <returns>The warped source and the layer's renderer for it.</returns>
    public static (WarpedTileSource Source, LayerRenderer Renderer) OpenForLayer(string source, string workDirectory, LayerDefinition layer,
        string? collectionId, int? maxZoom = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentNullException.ThrowIfNull(layer);
        var prepared = Prepare(source, workDirectory, layer.Kind == LayerKind.Raw, cancellationToken);
        LayerRenderer renderer;
        int[]? kept;
        try
        {
            using var vrt = GdalDataset.Open(prepared.VrtPath);
            renderer = LayerRenderer.Create(vrt, layer, collectionId);
            var alpha = vrt.GetBand(vrt.BandCount).ColorInterpretation == ColorInterpretation.Alpha ? [vrt.BandCount] : Array.Empty<int>();
            int[] read = [.. renderer.ReadBands.Union(alpha)];
            kept = read.Length < vrt.BandCount ? read : null;
        }
        catch
        {
            prepared.Dispose();
            throw;
        }

        var warped = Create(prepared, source, kept, maxZoom, cancellationToken);
        return (warped, kept is null ? renderer : renderer.Remapped(kept));
    }

    private static CogSource Prepare(string source, string workDirectory, bool lastBandIsAlpha, CancellationToken cancellationToken)
    {
        var input = AlignedCogSource.DeclareAlpha(source, workDirectory, lastBandIsAlpha, cancellationToken);
        return CogSource.Prepare(new CogRequest { Source = input, Destination = string.Empty }, cancellationToken);
    }

    /// <summary>The warped VRT of <paramref name="prepared"/> (of its <paramref name="bands"/> only, when given); owns it.</summary>
    private static WarpedTileSource Create(CogSource prepared, string source, int[]? bands, int? maxZoom, CancellationToken cancellationToken)
    {
        var scope = new VsiMemScope();
        try
        {
            using var full = GdalDataset.Open(prepared.VrtPath);
            using var vrt = bands is null ? null : Subset(full, bands, scope.GetPath("bands.vrt"), cancellationToken);
            var input = vrt ?? full;
            var grid = CogGrid.Of(input, source);
            var zoom = maxZoom is { } finest && finest < grid.NativeZoom ? Math.Max(0, finest) : grid.NativeZoom;
            var b = grid.MercatorBounds;
            var (minCol, minRow, maxCol, maxRow) = WebMercatorQuad.TileRange(b.MinX, b.MinY, b.MaxX, b.MaxY, zoom);
            var span = WebMercatorQuad.TileSpan(zoom);
            var west = (minCol * span) - WebMercatorQuad.OriginShift;
            var north = WebMercatorQuad.OriginShift - (minRow * span);
            var east = ((maxCol + 1) * span) - WebMercatorQuad.OriginShift;
            var south = WebMercatorQuad.OriginShift - ((maxRow + 1) * span);
            var res = Invariant(WebMercatorQuad.Resolution(zoom));
            var resampling = zoom < grid.NativeZoom ? "average" : "bilinear";
            var path = scope.GetPath("warped.vrt");
            Warp(input, path,
                ["-te", Invariant(west), Invariant(south), Invariant(east), Invariant(north), "-tr", res, res, "-r", resampling, .. AlphaArguments(input)],
                cancellationToken);
            SetBlockSize(path, WebMercatorQuad.TileSize);

            return new WarpedTileSource(prepared, scope, path, prepared.VrtPath, grid.NativeZoom, zoom);
        }
        catch
        {
            scope.Dispose();
            prepared.Dispose();
            throw;
        }
    }

    private static GdalDataset Subset(GdalDataset source, int[] bands, string path, CancellationToken cancellationToken)
    {
        var arguments = new List<string> { "-of", "VRT" };
        foreach (var band in bands)
        {
            arguments.AddRange(["-b", band.ToString(CultureInfo.InvariantCulture)]);
        }

        using (var vrt = GdalUtilities.Translate(path, source, arguments, null, cancellationToken))
        {
            vrt.Close();
        }

        return GdalDataset.Open(path);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _scope.Dispose();
        _source.Dispose();
    }

    /// <summary>Keeps a source alpha band as alpha; gives sources without nodata one, so the collar stays transparent.</summary>
    private static string[] AlphaArguments(GdalDataset source)
    {
        if (source.GetBand(source.BandCount).ColorInterpretation == ColorInterpretation.Alpha)
        {
            return ["-srcalpha", "-dstalpha"];
        }

        return source.GetBand(1).NoDataValue is null ? ["-dstalpha"] : [];
    }

    private static void Warp(GdalDataset source, string destination, string[] arguments, CancellationToken cancellationToken)
    {
        using var warped = GdalUtilities.Warp(destination, [source], ["-of", "VRT", "-t_srs", WebMercatorQuad.Crs, .. arguments], null, cancellationToken);
        warped.Close();
    }

    /// <summary>GDAL gives warped VRTs 512×128 blocks; tile-sized blocks make each tile read warp exactly one block.</summary>
    internal static void SetBlockSize(string path, int size)
    {
        var document = XDocument.Parse(System.Text.Encoding.UTF8.GetString(VsiMem.ReadAllBytes(path)));
        var root = document.Root ?? throw new GdalException($"'{path}' is an empty VRT.");
        root.SetElementValue("BlockXSize", size);
        root.SetElementValue("BlockYSize", size);
        VsiMem.WriteFile(path, System.Text.Encoding.UTF8.GetBytes(document.ToString()));
    }

    private static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
