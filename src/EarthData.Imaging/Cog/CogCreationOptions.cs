using System.Globalization;
using EarthData.Core.Tiling;
using EarthData.Gdal;

namespace EarthData.Imaging.Cog;

/// <summary>
/// The COG driver's creation options for a request and grid, after checking the names a user can give; and the GTiff
/// options GDAL 3.6's COG driver passes on to the GTiff driver for the same request, for a raster already on the grid.
/// </summary>
internal static class CogCreationOptions
{
    private static readonly string[] WarpResamplings = ["nearest", "bilinear", "cubic", "cubicspline", "lanczos", "average", "rms", "mode", "min", "max", "med", "q1", "q3", "sum"];
    private static readonly string[] OverviewResamplings = ["nearest", "average", "bilinear", "cubic", "cubicspline", "lanczos", "mode", "rms"];
    private static readonly string[] Compressions = ["ZSTD", "DEFLATE", "LZW", "LZMA", "NONE"];

    /// <summary>Checks the user-facing names of <paramref name="request"/>; throws <see cref="ArgumentException"/> naming the bad one.</summary>
    public static void Validate(CogRequest request)
    {
        Check(request.WarpResampling, WarpResamplings, "--resampling", ignoreCase: true);
        Check(request.OverviewResampling, OverviewResamplings, "--overview-resampling", ignoreCase: true);
        Check(request.Compression, Compressions, "--compression", ignoreCase: true);
        if (request.Threads is < 1)
        {
            throw new ArgumentException($"--threads: {request.Threads} must be at least 1", nameof(request));
        }
    }

    /// <summary>The options: WebMercatorQuad tiling at the native zoom, overviews to the minimum zoom, all levels aligned.</summary>
    /// <param name="request">The request.</param>
    /// <param name="grid">Where the source lands.</param>
    /// <param name="existingOverviews">The source is on the grid already and has the overviews: copy them (no warp, no resampling).</param>
    public static List<string> For(CogRequest request, CogGrid grid, bool existingOverviews = false)
    {
        var compression = request.Compression.ToUpperInvariant();
        var options = new List<string>
        {
            "TILING_SCHEME=GoogleMapsCompatible",
            Invariant($"ZOOM_LEVEL={grid.NativeZoom}"),
            // Pads the raster left and top so the blocks of every overview are XYZ tiles too; padding blocks are
            // sparse (SPARSE_OK), so they cost no bytes, like blocks entirely outside the footprint.
            Invariant($"ALIGNED_LEVELS={CogLayout.AlignedLevelsOption(grid)}"),
            "SPARSE_OK=TRUE",
            "WARP_RESAMPLING=" + request.WarpResampling.ToLowerInvariant(),
            "RESAMPLING=" + request.OverviewResampling.ToUpperInvariant(),
            "COMPRESS=" + compression,
            NumThreads(request),
            "BIGTIFF=IF_SAFER",
        };
        // GDAL 3.6 fails without a message on OVERVIEW_COUNT=0; a raster that fits one tile gets none by default anyway.
        if (!request.Overviews)
        {
            options.Add("OVERVIEWS=NONE");
        }
        else if (existingOverviews)
        {
            options.Add("OVERVIEWS=FORCE_USE_EXISTING");
        }
        else if (grid.OverviewCount > 0)
        {
            options.Add(Invariant($"OVERVIEW_COUNT={grid.OverviewCount}"));
        }

        if (compression != "NONE")
        {
            options.Add("PREDICTOR=" + (request.Predictor ? "YES" : "NO"));
        }

        if (request.CompressionLevel is { } level && compression is "ZSTD" or "DEFLATE" or "LZMA")
        {
            options.Add(Invariant($"LEVEL={level}"));
        }

        return options;
    }

    /// <summary>
    /// What GDAL 3.6's COG driver hands the GTiff driver (<c>GDALCOGCreator::Create</c>) when it copies a raster that is
    /// on the grid already with its overviews (<c>OVERVIEWS=FORCE_USE_EXISTING</c>, or <c>NONE</c>): a tiled
    /// <c>COPY_SRC_OVERVIEWS=YES</c> copy, 256-px blocks, the compression with its own level option, the predictor the
    /// driver derives from the data type (2, or 3 for floating point), the default pixel interleaving, and the hidden
    /// <c>@TILING_SCHEME_*</c> options from which the GTiff driver writes the <c>TILING_SCHEME</c> metadata domain. The
    /// GTiff driver then writes the COG layout and its ghost header (<c>LAYOUT=IFDS_BEFORE_DATA</c> …) itself.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="layout">The grid the copied raster is on.</param>
    /// <param name="type">The data type of the copied raster's bands.</param>
    public static List<string> ForGTiffCopy(CogRequest request, CogLayout layout, GdalDataType type)
        => ForGTiffCopy(request, layout.NativeZoom, layout.AlignedLevels, type);

    /// <summary>
    /// <see cref="ForGTiffCopy(CogRequest, CogLayout, GdalDataType)"/> for a raster already on the GoogleMapsCompatible
    /// grid of <paramref name="nativeZoom"/> (e.g. a raster derived block by block from a master COG, whose
    /// <c>TILING_SCHEME</c> it repeats).
    /// </summary>
    /// <param name="request">Compression, predictor and threads.</param>
    /// <param name="nativeZoom">The zoom of the full-resolution level (<c>TILING_SCHEME/ZOOM_LEVEL</c>).</param>
    /// <param name="alignedLevels">Overview levels aligned with tiles (<c>TILING_SCHEME/ALIGNED_LEVELS</c>); 0 for none.</param>
    /// <param name="type">The data type of the copied raster's bands.</param>
    public static List<string> ForGTiffCopy(CogRequest request, int nativeZoom, int alignedLevels, GdalDataType type)
    {
        ArgumentNullException.ThrowIfNull(request);
        var compression = request.Compression.ToUpperInvariant();
        var size = WebMercatorQuad.TileSize.ToString(CultureInfo.InvariantCulture);
        var options = new List<string>
        {
            "COPY_SRC_OVERVIEWS=YES", "COMPRESS=" + compression, "TILED=YES", "BLOCKXSIZE=" + size, "BLOCKYSIZE=" + size,
        };
        if (compression != "NONE" && request.Predictor)
        {
            options.Add("PREDICTOR=" + (type is GdalDataType.Float32 or GdalDataType.Float64 ? "3" : "2"));
        }

        if (request.CompressionLevel is { } level)
        {
            var name = compression switch
            {
                "ZSTD" => "ZSTD_LEVEL",
                "DEFLATE" => "ZLEVEL",
                "LZMA" => "LZMA_PRESET",
                _ => null,
            };
            if (name is not null)
            {
                options.Add(Invariant($"{name}={level}"));
            }
        }

        options.AddRange(["BIGTIFF=IF_SAFER", NumThreads(request), "SPARSE_OK=TRUE", "@TILING_SCHEME_NAME=GoogleMapsCompatible",
            Invariant($"@TILING_SCHEME_ZOOM_LEVEL={nativeZoom}")]);
        if (alignedLevels > 0)
        {
            options.Add(Invariant($"@TILING_SCHEME_ALIGNED_LEVELS={alignedLevels}"));
        }

        return options;
    }

    private static string NumThreads(CogRequest request) =>
        "NUM_THREADS=" + (request.Threads is { } threads ? threads.ToString(CultureInfo.InvariantCulture) : "ALL_CPUS");

    private static void Check(string value, string[] allowed, string option, bool ignoreCase)
    {
        var comparer = ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        if (string.IsNullOrWhiteSpace(value) || !allowed.Contains(value, comparer))
        {
            throw new ArgumentException($"{option}: '{value}' is not one of {string.Join(", ", allowed)}", option);
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
