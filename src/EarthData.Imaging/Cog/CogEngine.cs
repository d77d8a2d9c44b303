namespace EarthData.Imaging.Cog;

/// <summary>How <see cref="CogWriter"/> produces the pixels of a COG.</summary>
internal enum CogEngine
{
    /// <summary>
    /// Native tiles warped in parallel and overviews reduced from them in memory (<see cref="CogTileRoute"/>), falling
    /// back to <see cref="Gdal"/> where that route does not apply.
    /// </summary>
    Tiles,

    /// <summary>GDAL's COG driver warps and builds the overviews itself (kept for comparison).</summary>
    Gdal,
}
