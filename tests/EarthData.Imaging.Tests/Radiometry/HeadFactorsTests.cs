using EarthData.Core.Metadata;
using EarthData.Core.Radiometry;
using EarthData.Core.Scenes;
using EarthData.Gdal;
using EarthData.Imaging.Radiometry;
using EarthData.Imaging.Tests.Cog;
using EarthData.Testing;

namespace EarthData.Imaging.Tests.Radiometry;

public sealed class HeadFactorsTests(CogScenesFixture scenes) : IClassFixture<CogScenesFixture>, IDisposable
{
    private static readonly Dictionary<int, double> RightGain = new() { [13] = 0.9, [14] = 1.1, [15] = 0.8, [16] = 1.3 };

    private readonly string _output = Directory.CreateTempSubdirectory("earthdata-head-factors-").FullName;

    public void Dispose() => Directory.Delete(_output, recursive: true);

    [Fact]
    public void At_GivesAPointItsHeadsFactors_WestAndEastOfTheSeam()
    {
        var metadata = SceneMetadata.Read(ArchiveLayout.Locate(TwoHeadScene.Copy(scenes.Wfi, _output, RightGain)));
        var specs = metadata.Camera.Bands.Where(b => b.CommonName is "red" or "nir").ToList();
        var heads = ReflectanceFactors.ByCamera(metadata, specs)!;
        var seam = CameraSeam.Between(metadata.Cameras[0], metadata.Cameras[1])!;
        var northing = (seam.TopNorthing + seam.BottomNorthing) / 2;
        using var utm = SpatialReference.FromEpsg(metadata.Cameras[0].Projection.Epsg);
        using var wgs84 = SpatialReference.FromEpsg(4326);
        using var toLonLat = CoordinateTransformation.Create(utm, wgs84);
        var west = toLonLat.Transform(seam.EastingAt(northing) - 100, northing);
        var east = toLonLat.Transform(seam.EastingAt(northing) + 100, northing);

        Assert.Equal(heads[0], HeadFactors.At(metadata, specs, west.X, west.Y));
        Assert.Equal(heads[1], HeadFactors.At(metadata, specs, east.X, east.Y));
        Assert.NotEqual(heads[0], heads[1]);
    }

    [Fact]
    public void At_GivesTheSceneFactors_OnAOneHeadScene_AndNullWithoutCalibration()
    {
        var metadata = SceneMetadata.Read(ArchiveLayout.Locate(scenes.Wfi));
        var specs = metadata.Camera.Bands.Where(b => b.CommonName is "red" or "nir").ToList();
        Assert.True(ReflectanceFactors.TryCompute(metadata, specs, out var factors));

        Assert.Equal(factors, HeadFactors.At(metadata, specs, -50, -10));
        Assert.Null(HeadFactors.At(metadata with { SunElevation = -5 }, specs, -50, -10));
    }

    [Fact]
    public void ScaleRow_MultipliesEachSideOfTheSeamByItsHeadsFactor()
    {
        var metadata = SceneMetadata.Read(ArchiveLayout.Locate(TwoHeadScene.Copy(scenes.Wfi, _output, RightGain)));
        var specs = metadata.Camera.Bands.Where(b => b.CommonName is "red").ToList();
        using var band = GdalDataset.Open(ArchiveLayout.Locate(scenes.Wfi).Band(specs[0].Number).TiffPath);
        var factors = HeadFactors.Of(metadata, specs, band)!;
        Assert.True(factors.IsTwoHead);
        var row = band.Height / 2;
        var split = factors.FirstRightColumn(row);
        Assert.InRange(split, 1, band.Width - 1);
        var values = Enumerable.Range(0, band.Width).Select(i => (float)(i % 7)).ToArray();

        factors.ScaleRow(0, row, 0, values);

        for (var c = 0; c < values.Length; c++)
        {
            var expected = (float)(c % 7) * (float)(c < split ? factors.Left(0) : factors.Right(0));
            Assert.Equal(expected, values[c]);
        }
    }
}
