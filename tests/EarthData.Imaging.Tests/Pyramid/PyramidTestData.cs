using System.Collections.Concurrent;
using EarthData.Core.Tiling;
using EarthData.Gdal;
using EarthData.Imaging.Pyramid;

namespace EarthData.Imaging.Tests.Pyramid;

/// <summary>Small rasters aligned to WebMercatorQuad, written to a temp folder, and a GDAL-based tile decoder.</summary>
internal sealed class PyramidTestData : IDisposable
{
    public const int Zoom = 12;

    // A tile near Brasília at zoom 12 (column 1456, row 2222): the raster starts at its north-west corner + offset.
    public const int TileX = 1456;
    public const int TileY = 2222;

    public PyramidTestData()
    {
        Directory = Path.Combine(Path.GetTempPath(), "earthdata-pyramid-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public string PathOf(string name) => Path.Combine(Directory, name);

    /// <summary>
    /// An RGB(+extra bands) Byte raster on the zoom-12 pixel grid, tiled 256×256, nodata 0, with a deterministic
    /// textured pattern; pixels where <paramref name="hole"/> says so are nodata.
    /// </summary>
    public string Aligned(string name, int width, int height, int offsetX = 0, int offsetY = 0, int bands = 3,
        GdalDataType type = GdalDataType.Byte, Func<int, int, bool>? hole = null, string[]? descriptions = null)
    {
        var path = PathOf(name);
        var res = WebMercatorQuad.Resolution(Zoom);
        var (minX, _, _, maxY) = WebMercatorQuad.TileBounds(new TileAddress(Zoom, TileX, TileY));
        using var ds = GdalDataset.Create("GTiff", path, width, height, bands, type,
            ["TILED=YES", "BLOCKXSIZE=256", "BLOCKYSIZE=256", "COMPRESS=DEFLATE"]);
        ds.GeoTransform = new GeoTransform(minX + (offsetX * res), res, 0, maxY - (offsetY * res), 0, -res);
        using (var srs = SpatialReference.FromEpsg(3857))
        {
            ds.SetSpatialReference(srs);
        }

        var plane = new short[width * height];
        for (var b = 1; b <= bands; b++)
        {
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    var v = 1 + (((x * 7) + (y * 3) + (b * 50) + ((x ^ y) & 31)) % 250);
                    plane[(y * width) + x] = hole?.Invoke(x, y) == true ? (short)0 : (short)(type == GdalDataType.Byte ? v : v * 4);
                }
            }

            var band = ds.GetBand(b);
            band.NoDataValue = 0;
            band.Write(0, 0, width, height, plane.AsSpan());
            if (descriptions is not null)
            {
                band.Description = descriptions[b - 1];
            }
        }

        ds.Close();
        return path;
    }

    /// <summary>Decodes an encoded tile with GDAL into 256×256 RGBA (grey and RGB PNGs expanded, missing alpha = 255).</summary>
    public static byte[] Decode(ReadOnlySpan<byte> encoded)
    {
        var path = VsiMem.CreatePath("tile.img");
        try
        {
            VsiMem.WriteFile(path, encoded);
            using var ds = GdalDataset.Open(path);
            var n = ds.BandCount;
            var w = ds.Width;
            var h = ds.Height;
            var raw = new byte[w * h * n];
            ds.ReadPixelInterleaved(0, 0, w, h, raw.AsSpan(), w, h);
            var rgba = new byte[w * h * 4];
            for (var i = 0; i < w * h; i++)
            {
                var s = raw.AsSpan(i * n, n);
                rgba[(i * 4) + 0] = s[0];
                rgba[(i * 4) + 1] = n >= 3 ? s[1] : s[0];
                rgba[(i * 4) + 2] = n >= 3 ? s[2] : s[0];
                rgba[(i * 4) + 3] = n switch { 2 => s[1], 4 => s[3], _ => 255 };
            }

            return rgba;
        }
        finally
        {
            VsiMem.DeleteDirectory(path[..path.LastIndexOf('/')]);
        }
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}

/// <summary>Collects tiles in memory (thread-safe).</summary>
internal sealed class MemoryTileSink(string extension = "png") : ITileSink
{
    public ConcurrentDictionary<TileAddress, byte[]> Tiles { get; } = new();

    public string Extension => extension;

    public void Write(TileAddress tile, ReadOnlySpan<byte> data)
    {
        if (!Tiles.TryAdd(tile, data.ToArray()))
        {
            throw new InvalidOperationException($"Tile {tile} written twice.");
        }
    }

    public byte[] Rgba(int z, int x, int y) => PyramidTestData.Decode(Tiles[new TileAddress(z, x, y)]);
}

/// <summary>Records progress synchronously, in call order.</summary>
internal sealed class RecordingProgress(Action<double>? onReport = null) : IProgress<double>
{
    private readonly Lock _lock = new();

    public List<double> Values { get; } = [];

    public void Report(double value)
    {
        lock (_lock)
        {
            Values.Add(value);
        }

        onReport?.Invoke(value);
    }
}
