using EarthData.Gdal;
using EarthData.Imaging.Cog;
using EarthData.Imaging.Tiling;

namespace EarthData.Imaging.Tests.Cog;

public class CogTileRouteTests
{
    [Fact]
    public void BlocksCompression_IsNoneUpToTheLimit_AndZstdAboveIt()
    {
        // A full MUX scene at z13: ~33 × 33 data tiles of 4 Byte bands (~380 MiB over all levels).
        var mux = Layout(13, 33, 33);
        var muxMask = new CogBlockMask(4, -1, 0, Integer: true);
        Assert.Equal(["COMPRESS=NONE"], CogTileRoute.BlocksCompression(mux, muxMask, GdalDataType.Byte));

        // A full AWFI scene at z12: ~110 × 110 data tiles of 4 Int16 bands (~6.3 GiB).
        var awfi = Layout(12, 110, 110);
        Assert.Equal(["COMPRESS=ZSTD", "ZSTD_LEVEL=1"], CogTileRoute.BlocksCompression(awfi, muxMask, GdalDataType.Int16));

        // The boundary: the estimate (native + a third) at the limit stays uncompressed, one tile more does not.
        var tilesAtLimit = (int)(CogTileRoute.UncompressedBlocksLimit * 3 / 4 / CogBlockMask.BandPixels);
        var oneBand = new CogBlockMask(1, -1, null, Integer: true);
        Assert.Equal(["COMPRESS=NONE"], CogTileRoute.BlocksCompression(Layout(14, tilesAtLimit, 1), oneBand, GdalDataType.Byte));
        Assert.Equal(["COMPRESS=ZSTD", "ZSTD_LEVEL=1"], CogTileRoute.BlocksCompression(Layout(14, tilesAtLimit + 1, 1), oneBand, GdalDataType.Byte));
    }

    private static CogLayout Layout(int zoom, int columns, int rows)
    {
        var data = new TileBlock(zoom, 0, 0, columns - 1, rows - 1);
        return new CogLayout(zoom, 0, 1, data, data);
    }
}
