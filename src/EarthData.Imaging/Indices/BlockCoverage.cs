using EarthData.Gdal;

namespace EarthData.Imaging.Indices;

/// <summary>
/// Which 256 × 256 blocks of a COG may hold data, read cheaply from the mask of its coarsest overview no coarser than
/// one pixel per block: with <c>average</c> overviews a pixel there is nodata only when every pixel under it is, so a
/// block whose overview pixels are all masked holds none. Without overviews every block may hold data.
/// </summary>
internal sealed class BlockCoverage
{
    private const int BlockSize = 256;
    private readonly byte[]? _mask;
    private readonly int _width;
    private readonly int _height;
    private readonly int _pixelsPerBlock;

    private BlockCoverage(byte[]? mask, int width, int height, int pixelsPerBlock) =>
        (_mask, _width, _height, _pixelsPerBlock) = (mask, width, height, pixelsPerBlock);

    /// <summary>Reads the coverage of <paramref name="dataset"/> from band <paramref name="bandNumber"/>'s overviews.</summary>
    public static BlockCoverage Of(GdalDataset dataset, int bandNumber)
    {
        var band = dataset.GetBand(bandNumber);
        var level = -1;
        for (var i = 0; i < band.OverviewCount && (2 << i) <= BlockSize; i++)
        {
            level = i; // overview i is reduced by 2^(i + 1)
        }

        if (level < 0)
        {
            return new BlockCoverage(null, 0, 0, 0);
        }

        var overview = band.GetOverview(level);
        var (width, height) = (overview.Width, overview.Height);
        var mask = new byte[width * height];
        overview.GetMaskBand().Read<byte>(0, 0, width, height, mask);
        return new BlockCoverage(mask, width, height, BlockSize >> (level + 1));
    }

    /// <summary>Whether block (<paramref name="blockX"/>, <paramref name="blockY"/>) may hold a valid pixel.</summary>
    public bool MayHoldData(int blockX, int blockY)
    {
        if (_mask is null)
        {
            return true;
        }

        var x0 = blockX * _pixelsPerBlock;
        var y0 = blockY * _pixelsPerBlock;
        for (var y = y0; y < Math.Min(_height, y0 + _pixelsPerBlock); y++)
        {
            for (var x = x0; x < Math.Min(_width, x0 + _pixelsPerBlock); x++)
            {
                if (_mask[(y * _width) + x] != 0)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
