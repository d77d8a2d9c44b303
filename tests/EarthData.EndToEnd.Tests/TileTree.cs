using EarthData.Core.Tiling;
using EarthData.Gdal;
using EarthData.Imaging.Tiling;

namespace EarthData.EndToEnd.Tests;

/// <summary>An XYZ tree on disk decoded with GDAL into 256×256 RGBA tiles; fully transparent tiles are dropped.</summary>
internal sealed class TileTree
{
    private TileTree(Dictionary<TileAddress, byte[]> tiles) => Tiles = tiles;

    public Dictionary<TileAddress, byte[]> Tiles { get; }

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
