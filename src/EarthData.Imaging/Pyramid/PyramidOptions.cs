using EarthData.Imaging.Encoding;

namespace EarthData.Imaging.Pyramid;

/// <summary>Settings of one <see cref="PyramidBuilder"/> run.</summary>
public sealed record PyramidOptions
{
    /// <summary>Coarsest zoom; null = the zoom at which the raster fits about one tile.</summary>
    public int? MinZoom { get; init; }

    /// <summary>Finest zoom; null = the raster's native zoom. Zooms above native are upsampled.</summary>
    public int? MaxZoom { get; init; }

    /// <summary>How parent tiles are reduced from their children (and reads resampled). Default average.</summary>
    public PyramidResampling Resampling { get; init; } = PyramidResampling.Average;

    /// <summary>The image encoder; default PNG (<see cref="PngTileEncoder"/>, fastest zlib level).</summary>
    public ITileEncoder Encoder { get; init; } = new PngTileEncoder();

    /// <summary>Worker threads, each with its own GDAL dataset; default the processor count.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Whether to read a low-resolution mask first and skip subtrees with nothing visible (default). Cheap on a COG,
    /// whose overviews serve it; turn it off for a <see cref="WarpedTileSource"/>, where it would warp every pixel once
    /// more, while tiles outside the source cost its warper almost nothing.
    /// </summary>
    public bool ReadCoverage { get; init; } = true;
}
