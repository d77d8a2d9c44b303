using EarthData.Gdal;

namespace EarthData.Server.Tests.Tiles;

/// <summary>A decoded tile or image: RGBA read back through GDAL's PNG/WEBP/JPEG drivers.</summary>
internal static class TileImage
{
    /// <summary>A 256 × 256 tile as RGBA.</summary>
    public static byte[] Decode(byte[] encoded)
    {
        var (rgba, width, height) = DecodeImage(encoded);
        return width == 256 && height == 256 ? rgba : throw new InvalidOperationException($"a tile is 256×256, this image {width}×{height}");
    }

    /// <summary>An image of any size as RGBA (opaque where it has fewer than four bands).</summary>
    public static (byte[] Rgba, int Width, int Height) DecodeImage(byte[] encoded)
    {
        var path = $"/vsimem/earthdata-image-{Guid.NewGuid():N}";
        VsiMem.WriteFile(path, encoded);
        try
        {
            using var dataset = GdalDataset.Open(path);
            var (width, height) = (dataset.Width, dataset.Height);
            var rgba = new byte[width * height * 4];
            for (var b = 1; b <= Math.Min(4, dataset.BandCount); b++)
            {
                dataset.GetBand(b).Read(0, 0, width, height, rgba.AsSpan(b - 1), width, height, 4, width * 4);
            }

            if (dataset.BandCount < 4)
            {
                for (var i = 3; i < rgba.Length; i += 4)
                {
                    rgba[i] = 255;
                }
            }

            return (rgba, width, height);
        }
        finally
        {
            VsiMem.Delete(path);
        }
    }
}
