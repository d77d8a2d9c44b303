using System.Globalization;
using System.Xml.Linq;
using EarthData.Core.Tiling;
using EarthData.Gdal;
using EarthData.Imaging.Cog;

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
        var input = AlignedCogSource.DeclareAlpha(source, workDirectory, lastBandIsAlpha, cancellationToken);
        var prepared = CogSource.Prepare(new CogRequest { Source = input, Destination = string.Empty }, cancellationToken);
        var scope = new VsiMemScope();
        try
        {
            using var vrt = GdalDataset.Open(prepared.VrtPath);
            var grid = CogGrid.Of(vrt, source);
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
            Warp(vrt, path,
                ["-te", Invariant(west), Invariant(south), Invariant(east), Invariant(north), "-tr", res, res, "-r", resampling, .. AlphaArguments(vrt)],
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
    private static void SetBlockSize(string path, int size)
    {
        var document = XDocument.Parse(System.Text.Encoding.UTF8.GetString(VsiMem.ReadAllBytes(path)));
        var root = document.Root ?? throw new GdalException($"'{path}' is an empty VRT.");
        root.SetElementValue("BlockXSize", size);
        root.SetElementValue("BlockYSize", size);
        VsiMem.WriteFile(path, System.Text.Encoding.UTF8.GetBytes(document.ToString()));
    }

    private static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
