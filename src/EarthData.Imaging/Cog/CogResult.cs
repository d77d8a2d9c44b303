using EarthData.Core.Geometry;

namespace EarthData.Imaging.Cog;

/// <summary>What <see cref="CogWriter.Write"/> wrote.</summary>
public sealed record CogResult
{
    /// <summary>Full path of the COG.</summary>
    public required string Path { get; init; }

    /// <summary>The scene id when the source was a scene folder, else null.</summary>
    public string? SceneId { get; init; }

    /// <summary>The WebMercatorQuad zoom of the full-resolution level (its blocks are exactly that zoom's XYZ tiles).</summary>
    public required int NativeZoom { get; init; }

    /// <summary>The zoom of the smallest overview (equal to <see cref="NativeZoom"/> when there are none).</summary>
    public required int MinZoom { get; init; }

    /// <summary>Width of the full-resolution level, pixels (padded to the tile grid).</summary>
    public required int Width { get; init; }

    /// <summary>Height of the full-resolution level, pixels (padded to the tile grid).</summary>
    public required int Height { get; init; }

    /// <summary>Band descriptions in band order (common names for scenes; "alpha" for a mask band GDAL added).</summary>
    public required IReadOnlyList<string> BandDescriptions { get; init; }

    /// <summary>The pixel data type, e.g. <c>Byte</c>, <c>Int16</c>, <c>Float32</c>.</summary>
    public required string DataType { get; init; }

    /// <summary>What the pixels hold after conversion (may be <see cref="CogOutput.Dn"/> although reflectance was requested).</summary>
    public required CogOutput Output { get; init; }

    /// <summary>Why the requested radiometry was not applied (e.g. "no calibration coefficients: output kept in DN"), or null.</summary>
    public string? RadiometryNote { get; init; }

    /// <summary>Bounds of the raster in EPSG:3857 metres.</summary>
    public required BoundingBox Bounds { get; init; }

    /// <summary>Bounds of the raster in degrees (longitude, latitude; WGS 84).</summary>
    public required BoundingBox GeographicBounds { get; init; }

    /// <summary>Size of the file, bytes.</summary>
    public required long FileSize { get; init; }

    /// <summary>The engine that produced the pixels (the tile route falls back to GDAL's where it does not apply).</summary>
    internal CogEngine Engine { get; init; }

    /// <summary>
    /// Whether the tile route's final copy read its blocks GTiff directly (false: through a VRT carrying metadata the
    /// GTiff cannot hold, or not written by the tile route).
    /// </summary>
    internal bool CopiedBlocksDirectly { get; init; }
}
