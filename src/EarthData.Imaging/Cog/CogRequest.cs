namespace EarthData.Imaging.Cog;

/// <summary>What <see cref="CogWriter.Write"/> should produce. Defaults are the measured best for GDAL 3.6.</summary>
public sealed record CogRequest
{
    /// <summary>
    /// A scene folder in the archive layout (its bands are stacked in camera order), or any georeferenced raster GDAL
    /// can read (a file, a VRT, <c>/vsicurl/…</c>).
    /// </summary>
    public required string Source { get; init; }

    /// <summary>The COG's path. Its directory must exist; an existing file is replaced only when the write succeeds.</summary>
    public required string Destination { get; init; }

    /// <summary>Digital numbers (default) or TOA reflectance; scenes without calibration coefficients stay in DN.</summary>
    public CogOutput Output { get; init; } = CogOutput.Dn;

    /// <summary>
    /// Band numbers to keep, in output order: INPE band numbers for a scene (e.g. 5, 6, 7, 8; 0 for the WPM pan band),
    /// 1-based band indexes for a plain raster. Null keeps the default (all bands; the multispectral bands of WPM).
    /// </summary>
    public IReadOnlyList<int>? Bands { get; init; }

    /// <summary>Resampling of the reprojection (GDAL name): nearest, bilinear (default), cubic, cubicspline, lanczos, average, mode.</summary>
    public string WarpResampling { get; init; } = "bilinear";

    /// <summary>Resampling of the overviews (GDAL name): nearest, average (default), bilinear, cubic, cubicspline, lanczos, mode, rms.</summary>
    public string OverviewResampling { get; init; } = "average";

    /// <summary>Lossless compression: ZSTD (default), DEFLATE, LZW, LZMA or NONE.</summary>
    public string Compression { get; init; } = "ZSTD";

    /// <summary>Compression level for ZSTD (1–22), DEFLATE (1–12) and LZMA (0–9); ZSTD level 1 was both fastest and smallest here.</summary>
    public int? CompressionLevel { get; init; } = 1;

    /// <summary>Whether to apply the horizontal-differencing (integers) or floating-point predictor.</summary>
    public bool Predictor { get; init; } = true;

    /// <summary>Threads for compression and warping; null uses every CPU.</summary>
    public int? Threads { get; init; }

    /// <summary>
    /// Whether to build overviews down to the minimum zoom (default). An intermediate COG that only feeds a pyramid
    /// builder, which derives lower zooms itself, can skip them.
    /// </summary>
    public bool Overviews { get; init; } = true;
}
