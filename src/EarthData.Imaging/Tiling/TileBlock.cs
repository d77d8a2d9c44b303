using EarthData.Core.Tiling;

namespace EarthData.Imaging.Tiling;

/// <summary>
/// A rectangular block of tiles at one zoom (inclusive column/row bounds): what a scene covers at that zoom,
/// and, via <see cref="Parent"/>, what the next pyramid level must build.
/// </summary>
public readonly record struct TileBlock
{
    /// <summary>Creates a validated block.</summary>
    /// <param name="zoom">Zoom level.</param>
    /// <param name="minX">First column.</param>
    /// <param name="minY">First (northernmost) row.</param>
    /// <param name="maxX">Last column, ≥ <paramref name="minX"/>.</param>
    /// <param name="maxY">Last row, ≥ <paramref name="minY"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">Bounds are outside the matrix or reversed.</exception>
    public TileBlock(int zoom, int minX, int minY, int maxX, int maxY)
    {
        var first = new TileAddress(zoom, minX, minY);
        var last = new TileAddress(zoom, maxX, maxY);
        if (maxX < minX || maxY < minY)
        {
            throw new ArgumentOutOfRangeException(nameof(maxX), $"Tile block {first} to {last} is reversed.");
        }

        (Zoom, MinX, MinY, MaxX, MaxY) = (zoom, minX, minY, maxX, maxY);
    }

    /// <summary>Zoom level.</summary>
    public int Zoom { get; }

    /// <summary>First column.</summary>
    public int MinX { get; }

    /// <summary>First row (north).</summary>
    public int MinY { get; }

    /// <summary>Last column.</summary>
    public int MaxX { get; }

    /// <summary>Last row (south).</summary>
    public int MaxY { get; }

    /// <summary>Number of columns.</summary>
    public int Width => MaxX - MinX + 1;

    /// <summary>Number of rows.</summary>
    public int Height => MaxY - MinY + 1;

    /// <summary>Number of tiles.</summary>
    public long Count => (long)Width * Height;

    /// <summary>The block of parents covering this block one zoom up.</summary>
    /// <exception cref="InvalidOperationException">The block is at zoom 0.</exception>
    public TileBlock Parent => Zoom == 0
        ? throw new InvalidOperationException("A zoom-0 block has no parent.")
        : new TileBlock(Zoom - 1, MinX >> 1, MinY >> 1, MaxX >> 1, MaxY >> 1);

    /// <summary>The tiles intersecting an EPSG:3857 extent (see <see cref="WebMercatorQuad.TileRange"/>).</summary>
    /// <param name="minX">West, metres.</param>
    /// <param name="minY">South, metres.</param>
    /// <param name="maxX">East, metres.</param>
    /// <param name="maxY">North, metres.</param>
    /// <param name="zoom">Zoom level.</param>
    /// <returns>The block.</returns>
    public static TileBlock FromExtent(double minX, double minY, double maxX, double maxY, int zoom)
    {
        var r = WebMercatorQuad.TileRange(minX, minY, maxX, maxY, zoom);
        return new TileBlock(zoom, r.MinX, r.MinY, r.MaxX, r.MaxY);
    }

    /// <summary>Whether a tile lies in the block.</summary>
    /// <param name="tile">The tile.</param>
    /// <returns>True when zoom matches and the tile is within bounds.</returns>
    public bool Contains(TileAddress tile) =>
        tile.Zoom == Zoom && tile.X >= MinX && tile.X <= MaxX && tile.Y >= MinY && tile.Y <= MaxY;

    /// <summary>The tiles in row-major order from the north-west corner.</summary>
    /// <returns>A lazily evaluated sequence.</returns>
    public IEnumerable<TileAddress> Tiles()
    {
        for (var y = MinY; y <= MaxY; y++)
        {
            for (var x = MinX; x <= MaxX; x++)
            {
                yield return new TileAddress(Zoom, x, y);
            }
        }
    }

    /// <summary>Formats as <c>z/minX-maxX/minY-maxY</c>.</summary>
    /// <returns>The text form.</returns>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Zoom}/{MinX}-{MaxX}/{MinY}-{MaxY}");
}
