using EarthData.Core.Tiling;
using EarthData.Gdal;
using EarthData.Imaging.Cog;
using EarthData.Imaging.Tiling;

namespace EarthData.Imaging.Tests.Cog;

/// <summary>
/// The tile route's final copy (GTiff driver, <c>COPY_SRC_OVERVIEWS=YES</c>) against GDAL's COG driver copying the same
/// blocks GTiff with <c>OVERVIEWS=FORCE_USE_EXISTING</c> (what the route did before): the two files must be identical
/// byte for byte, layout, ghost header, tags, compression of every level and metadata included.
/// </summary>
public sealed class CogCopyTests : IDisposable
{
    private const int Zoom = 10;
    private const int Tiles = 4;

    // Away from the origin: GDAL's COG driver recognises a raster already on its grid by a relative tolerance on the
    // origin, which never holds at exactly 0 (it then warps again and drops the overviews).
    private const int FirstColumn = 520;
    private const int FirstRow = 300;
    private readonly string _output = Directory.CreateTempSubdirectory("earthdata-cog-copy-").FullName;

    public void Dispose() => Directory.Delete(_output, recursive: true);

    [Theory]
    [InlineData(GdalDataType.Byte, 4, "ZSTD", 1, true, "nodata")]
    [InlineData(GdalDataType.Byte, 4, "ZSTD", 1, true, "rgb+alpha")]
    [InlineData(GdalDataType.Int16, 4, "DEFLATE", 6, true, "nodata")]
    [InlineData(GdalDataType.Float32, 2, "ZSTD", 9, true, "nan")]
    [InlineData(GdalDataType.UInt16, 3, "LZW", null, false, "none")]
    [InlineData(GdalDataType.Byte, 1, "NONE", null, false, "nodata")]
    [InlineData(GdalDataType.Int16, 2, "LZMA", 3, true, "nodata")]
    public void GTiffCopy_IsByteIdenticalToTheCogDriver_CopyingTheSameBlocks(GdalDataType type, int bands, string compression, int? level, bool predictor, string masking)
    {
        AssertSameFile(type, bands, masking, new CogRequest
        {
            Source = string.Empty, Destination = string.Empty, Compression = compression, CompressionLevel = level, Predictor = predictor, Threads = 2,
        });
    }

    [Fact]
    public void GTiffCopy_IsByteIdenticalToTheCogDriver_WithoutOverviews()
    {
        AssertSameFile(GdalDataType.Byte, 3, "nodata", new CogRequest { Source = string.Empty, Destination = string.Empty, Overviews = false });
    }

    [Fact]
    public void HoldsMetadataOf_IsFalse_WhenTheFirstBandOfAGreyTiffIsUndefined()
    {
        var path = Path.Combine(_output, "undefined.tif");
        using var memory = GdalDataset.Create("MEM", string.Empty, 16, 16, 2, GdalDataType.Byte);
        memory.GetBand(1).ColorInterpretation = ColorInterpretation.Undefined;
        memory.GetBand(2).ColorInterpretation = ColorInterpretation.Undefined;
        memory.GetBand(2).Description = "nir";
        memory.GetBand(2).SetMetadataItem("COMMON_NAME", "nir");
        memory.SetMetadataItem("RADIOMETRY", "DN");
        using (var blocks = GdalDataset.Create("GTiff", path, 16, 16, 2, GdalDataType.Byte))
        {
            CogCopy.TransferMetadata(memory, blocks);
        }

        using var reopened = GdalDataset.Open(path);

        Assert.Equal(ColorInterpretation.Gray, reopened.GetBand(1).ColorInterpretation);
        Assert.False(CogCopy.HoldsMetadataOf(memory, reopened));
        memory.GetBand(1).ColorInterpretation = ColorInterpretation.Gray;
        Assert.True(CogCopy.HoldsMetadataOf(memory, reopened));
        reopened.GetBand(2).Description = "swir";
        Assert.False(CogCopy.HoldsMetadataOf(memory, reopened));
    }

    private void AssertSameFile(GdalDataType type, int bands, string masking, CogRequest request)
    {
        var blocksPath = Path.Combine(_output, "blocks.tif");
        using (var blocks = CreateBlocks(blocksPath, type, bands, masking, request.Overviews))
        {
            blocks.Close();
        }

        var overviews = request.Overviews ? 2 : 0;
        var grid = new CogGrid(Zoom, Zoom - overviews, default);
        var padded = new TileBlock(Zoom, FirstColumn, FirstRow, FirstColumn + Tiles - 1, FirstRow + Tiles - 1);
        var layout = new CogLayout(Zoom, overviews, CogLayout.AlignedLevelsOption(grid), padded, padded);
        var reference = Path.Combine(_output, "cog-driver.tif");
        var candidate = Path.Combine(_output, "gtiff.tif");
        using (var source = GdalDataset.Open(blocksPath))
        {
            using (var cog = GdalDataset.CreateCopy("COG", reference, source, CogCreationOptions.For(request, grid, existingOverviews: request.Overviews)))
            {
                cog.Close();
            }

            using (var copy = GdalDataset.CreateCopy("GTiff", candidate, source, CogCreationOptions.ForGTiffCopy(request, layout, type)))
            {
                copy.Close();
            }
        }

        using (var written = GdalDataset.Open(candidate))
        {
            Assert.Equal("COG", written.GetMetadataItem("LAYOUT", "IMAGE_STRUCTURE"));
        }

        Assert.Equal(Convert.ToHexString(File.ReadAllBytes(reference)), Convert.ToHexString(File.ReadAllBytes(candidate)));
        CogAssert.PassesGdalValidator(candidate);
    }

    /// <summary>A sparse tiled GTiff on 4×4 tiles at zoom 10 whose tile grid is aligned for two overviews, some blocks filled.</summary>
    private static GdalDataset CreateBlocks(string path, GdalDataType type, int bands, string masking, bool overviews)
    {
        var size = Tiles * WebMercatorQuad.TileSize;
        var dataset = GdalDataset.Create("GTiff", path, size, size, bands, type,
            ["TILED=YES", "BLOCKXSIZE=256", "BLOCKYSIZE=256", "SPARSE_OK=TRUE", "INTERLEAVE=BAND", "COMPRESS=ZSTD"]);
        var resolution = WebMercatorQuad.Resolution(Zoom);
        var span = WebMercatorQuad.TileSpan(Zoom);
        dataset.GeoTransform = new GeoTransform(
            (FirstColumn * span) - WebMercatorQuad.OriginShift, resolution, 0, WebMercatorQuad.OriginShift - (FirstRow * span), 0, -resolution);
        using (var srs = SpatialReference.FromEpsg(3857))
        {
            dataset.SetSpatialReference(srs);
        }

        var random = new Random(7);
        var values = new double[WebMercatorQuad.TileSize * WebMercatorQuad.TileSize];
        for (var band = 1; band <= bands; band++)
        {
            // Three of the sixteen blocks hold data (a smooth ramp plus noise, so the predictor matters).
            foreach (var (bx, by) in new[] { (1, 1), (2, 1), (1, 2) })
            {
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = ((i % 256) + (i / 256) + random.Next(0, 8) + (band * 10)) % 200 + 1;
                }

                dataset.GetBand(band).Write<double>(bx * 256, by * 256, 256, 256, values);
            }
        }

        if (overviews)
        {
            dataset.BuildOverviews("AVERAGE", [2, 4]);
        }

        string[] names = ["blue", "green", "red", "nir"];
        dataset.SetMetadataItem("RADIOMETRY", "DN");
        dataset.SetMetadataItem("SCENE_ID", "CBERS_4_MUX_20261204_151_123_L4");
        for (var band = 1; band <= bands; band++)
        {
            var b = dataset.GetBand(band);
            b.Description = names[band - 1];
            b.SetMetadataItem("COMMON_NAME", names[band - 1]);
            switch (masking)
            {
                case "nodata":
                    b.NoDataValue = 0;
                    break;
                case "nan":
                    b.NoDataValue = double.NaN;
                    b.Scale = 1e-4;
                    break;
                case "rgb+alpha":
                    b.ColorInterpretation = band == bands ? ColorInterpretation.Alpha : ColorInterpretation.Red + (band - 1);
                    break;
            }
        }

        return dataset;
    }
}
