using EarthData.Core.Indices;
using EarthData.Core.Scenes;
using EarthData.Gdal;
using EarthData.Imaging.Indices;

namespace EarthData.Imaging.Tests.Indices;

public class IndexRasterTests
{
    [Fact]
    public void Compute_AppliesBandScaleAndNodata_StripByStrip()
    {
        using var scope = new VsiMemScope();
        // Int16 reflectance x 10000 (scale 1e-4), 300 x 70 in 16-row strips: NIR 4000, red 500, one nodata pixel.
        using var source = GdalDataset.Create("GTiff", scope.GetPath("refl.tif"), 300, 70, 2, GdalDataType.Int16, ["TILED=YES", "BLOCKXSIZE=16", "BLOCKYSIZE=16"]);
        var nir = Enumerable.Repeat((short)4000, 300 * 70).ToArray();
        nir[(65 * 300) + 299] = 0;
        source.GetBand(1).Write<short>(0, 0, 300, 70, nir);
        source.GetBand(2).Write<short>(0, 0, 300, 70, Enumerable.Repeat((short)500, 300 * 70).ToArray());
        foreach (var b in new[] { 1, 2 })
        {
            source.GetBand(b).Scale = 1e-4;
            source.GetBand(b).NoDataValue = 0;
        }

        using var target = GdalDataset.Create("MEM", "", 300, 70, 1, GdalDataType.Float32);

        IndexRaster.Compute(source, [1, 2], SpectralIndex.Savi, target);

        var values = new float[300 * 70];
        target.GetBand(1).Read<float>(0, 0, 300, 70, values);
        Assert.Equal(1.5f * 0.35f / 0.95f, values[0], 5);
        Assert.Equal(1.5f * 0.35f / 0.95f, values[(69 * 300) + 10], 5);
        Assert.True(float.IsNaN(values[(65 * 300) + 299]));
        Assert.True(double.IsNaN(target.GetBand(1).NoDataValue!.Value));
    }

    [Theory]
    [InlineData("CBERS4-MUX")]
    [InlineData("CBERS4A-WFI")]
    public void Availability_ExplainsWhySwirIndicesAreMissing_OnFourBandCameras(string collection)
    {
        var camera = CameraCatalog.ForCollection(collection);

        foreach (var index in new[] { SpectralIndex.Mndwi, SpectralIndex.Ndmi, SpectralIndex.Nbr })
        {
            Assert.Contains("CBERS-4 IRS", IndexDefinition.Of(index).Availability(camera), StringComparison.Ordinal);
        }

        foreach (var index in new[] { SpectralIndex.Ndvi, SpectralIndex.Ndwi, SpectralIndex.Evi, SpectralIndex.Savi })
        {
            Assert.Null(IndexDefinition.Of(index).Availability(camera));
        }
    }
}
