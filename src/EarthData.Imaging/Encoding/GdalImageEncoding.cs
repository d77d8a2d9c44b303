using System.Buffers;
using EarthData.Gdal;

namespace EarthData.Imaging.Encoding;

/// <summary>Encodes an RGBA image with a GDAL raster driver: MEM dataset → CreateCopy to <c>/vsimem</c> → bytes.</summary>
internal static class GdalImageEncoding
{
    public static int Encode(string driver, string extension, ReadOnlySpan<byte> rgba, int width, int height, int bands,
        IReadOnlyList<string> creationOptions, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (rgba.Length != width * height * 4)
        {
            throw new ArgumentException($"Expected {width * height * 4} RGBA bytes, got {rgba.Length}.", nameof(rgba));
        }

        var path = VsiMem.CreatePath("tile." + extension);
        try
        {
            using (var memory = GdalDataset.Create("MEM", string.Empty, width, height, bands, GdalDataType.Byte))
            {
                ReadOnlySpan<int> map = bands == 4 ? [1, 2, 3, 4] : [1, 2, 3];
                memory.Write(0, 0, width, height, rgba, width, height, map, 4, width * 4L, 1);
                using var encoded = GdalDataset.CreateCopy(driver, path, memory, creationOptions);
                encoded.Close();
            }

            var bytes = VsiMem.ReadAllBytes(path);
            output.Write(bytes);
            return bytes.Length;
        }
        finally
        {
            VsiMem.DeleteDirectory(path[..path.LastIndexOf('/')]);
        }
    }
}
