using EarthData.Gdal;

namespace EarthData.Imaging.Layers;

/// <summary>
/// A source window of a raster and the rectangle of a 256×256 tile it fills (the rest of the tile stays transparent).
/// </summary>
/// <param name="X">Left source pixel.</param>
/// <param name="Y">Top source line.</param>
/// <param name="Width">Source window width.</param>
/// <param name="Height">Source window height.</param>
/// <param name="TileX">Left pixel in the tile.</param>
/// <param name="TileY">Top line in the tile.</param>
/// <param name="TileWidth">Width of the filled rectangle in the tile.</param>
/// <param name="TileHeight">Height of the filled rectangle in the tile.</param>
/// <param name="Resampling">GDAL resampling when the sizes differ.</param>
public readonly record struct TileWindow(
    int X, int Y, int Width, int Height, int TileX, int TileY, int TileWidth, int TileHeight, ResampleAlgorithm Resampling)
{
    /// <summary>Whether source and tile rectangles have the same size (no resampling).</summary>
    public bool IsExact => Width == TileWidth && Height == TileHeight;
}
