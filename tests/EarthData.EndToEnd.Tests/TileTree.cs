using EarthData.Core.Tiling;
using EarthData.Gdal;
using EarthData.Imaging.Tiling;

namespace EarthData.EndToEnd.Tests;

/// <summary>An XYZ tree on disk decoded with GDAL into 256×256 RGBA tiles; fully transparent tiles are dropped.</summary>
internal sealed class TileTree
{
    private TileTree(Dictionary<TileAddress, byte[]> tiles) => Tiles = tiles;

    public Dictionary<TileAddress, byte[]> Tiles { get; }

    /// <summary>The tiles of this tree whose addresses are in <paramref name="keep"/>.</summary>
    public TileTree Only(IEnumerable<TileAddress> keep)
    {
        var tiles = new Dictionary<TileAddress, byte[]>();
        foreach (var tile in keep)
        {
            if (Tiles.TryGetValue(tile, out var rgba))
            {
                tiles[tile] = rgba;
            }
        }

        return new TileTree(tiles);
    }

    /// <summary>
    /// The tiles of <paramref name="zoom"/> for which <paramref name="offset"/> gives a displacement, each resampled
    /// (bilinear) so that content displaced by (dx, dy) pixels east and south moves back: out(x, y) = in(x + dx, y + dy).
    /// A pixel is opaque only where all four source pixels are.
    /// </summary>
    public TileTree Undisplaced(int zoom, Func<TileAddress, (double X, double Y)?> offset)
    {
        var tiles = new Dictionary<TileAddress, byte[]>();
        foreach (var (tile, rgba) in Tiles)
        {
            if (tile.Zoom == zoom && offset(tile) is { } d)
            {
                tiles[tile] = Resample(rgba, d.X, d.Y);
            }
        }

        return new TileTree(tiles);
    }

    private static byte[] Resample(byte[] rgba, double dx, double dy)
    {
        const int size = 256;
        var result = new byte[rgba.Length];
        var ix = (int)Math.Floor(dx);
        var iy = (int)Math.Floor(dy);
        var wx = dx - ix;
        var wy = dy - iy;
        for (var y = 0; y < size; y++)
        {
            var y0 = y + iy;
            if (y0 < 0 || y0 + 1 >= size)
            {
                continue;
            }

            for (var x = 0; x < size; x++)
            {
                var x0 = x + ix;
                if (x0 < 0 || x0 + 1 >= size)
                {
                    continue;
                }

                int a = ((y0 * size) + x0) * 4, b = a + 4, c = a + (size * 4), d = c + 4;
                if (rgba[a + 3] != 255 || rgba[b + 3] != 255 || rgba[c + 3] != 255 || rgba[d + 3] != 255)
                {
                    continue;
                }

                var o = ((y * size) + x) * 4;
                for (var k = 0; k < 3; k++)
                {
                    var top = (rgba[a + k] * (1 - wx)) + (rgba[b + k] * wx);
                    var bottom = (rgba[c + k] * (1 - wx)) + (rgba[d + k] * wx);
                    result[o + k] = (byte)Math.Round((top * (1 - wy)) + (bottom * wy));
                }

                result[o + 3] = 255;
            }
        }

        return result;
    }

    public static TileTree Load(string root, string extension = "png")
    {
        var tiles = new Dictionary<TileAddress, byte[]>();
        foreach (var file in Directory.GetFiles(root, "*." + extension, SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');
            if (!TileWriterPaths.TryParseRelativePath(relative, out var tile, out _))
            {
                continue;
            }

            var rgba = Decode(file);
            var visible = false;
            for (var i = 3; i < rgba.Length && !visible; i += 4)
            {
                visible = rgba[i] != 0;
            }

            if (visible)
            {
                tiles[tile] = rgba;
            }
        }

        return new TileTree(tiles);
    }

    /// <summary>Decodes one image file with GDAL (grey, grey+alpha, RGB or RGBA) into RGBA.</summary>
    public static byte[] Decode(string path)
    {
        using var ds = GdalDataset.Open(path);
        var n = ds.BandCount;
        var pixels = ds.Width * ds.Height;
        var raw = new byte[pixels * n];
        ds.ReadPixelInterleaved(0, 0, ds.Width, ds.Height, raw.AsSpan(), ds.Width, ds.Height);
        var rgba = new byte[pixels * 4];
        for (var i = 0; i < pixels; i++)
        {
            var s = raw.AsSpan(i * n, n);
            rgba[i * 4] = s[0];
            rgba[(i * 4) + 1] = n >= 3 ? s[1] : s[0];
            rgba[(i * 4) + 2] = n >= 3 ? s[2] : s[0];
            rgba[(i * 4) + 3] = n switch { 2 => s[1], 4 => s[3], _ => 255 };
        }

        return rgba;
    }
}
