using EarthData.Gdal;

namespace EarthData.Server.Tests.Tiles;

/// <summary>A decoded tile: 256 × 256 RGBA read back through GDAL's PNG/WEBP/JPEG drivers.</summary>
internal static class TileImage
{
    public static byte[] Decode(byte[] encoded)
    {
        var path = $"/vsimem/earthdata-tile-{Guid.NewGuid():N}";
        VsiMem.WriteFile(path, encoded);
        try
        {
            using var dataset = GdalDataset.Open(path);
            var rgba = new byte[256 * 256 * 4];
            for (var b = 1; b <= 4; b++)
            {
                if (b > dataset.BandCount)
                {
                    for (var i = 3; i < rgba.Length; i += 4)
                    {
                        rgba[i] = 255;
                    }

                    break;
                }

                dataset.GetBand(b).Read(0, 0, 256, 256, rgba.AsSpan(b - 1), 256, 256, 4, 256 * 4);
            }

            return rgba;
        }
        finally
        {
            VsiMem.Delete(path);
        }
    }
}
