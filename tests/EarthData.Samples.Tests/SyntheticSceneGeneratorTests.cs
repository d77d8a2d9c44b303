using System.Security.Cryptography;
using EarthData.Core.Metadata;
using EarthData.Core.Radiometry;
using EarthData.Core.Scenes;
using EarthData.Gdal;
using EarthData.Samples.Synthesis;

namespace EarthData.Samples.Tests;

public class SyntheticSceneGeneratorTests(GeneratedArchiveFixture archive) : IClassFixture<GeneratedArchiveFixture>
{
    [Fact]
    public void Generate_WritesSceneInArchiveLayout_WithTiffAndXmlPerBand()
    {
        var scene = Assert.Single(archive.Mux.Scenes);
        Assert.Equal("CBERS_4_MUX_20240310_151_121_L2", scene.Id.ToString());
        Assert.Equal(Path.Combine(archive.Root, "CBERS4", "MUX", "151", "121", scene.Id.ToString()), scene.Directory);
        var files = ArchiveLayout.Locate(scene.Directory);
        Assert.Equal([5, 6, 7, 8], files.Bands.Select(b => b.Band));
        Assert.Contains(scene.Id, ArchiveLayout.Discover(archive.Root));
        Assert.Empty(Directory.GetDirectories(Path.GetDirectoryName(scene.Directory)!, ".*partial*"));
    }

    [Fact]
    public void Generate_WritesGeoTiffsThatGdalInfoDescribes_WithCrsTypeNodataAndGeotransform()
    {
        var scene = archive.Wfi.Scenes[0];
        var files = ArchiveLayout.Locate(scene.Directory);
        foreach (var band in files.Bands)
        {
            var info = GdalInfo.Json(band.TiffPath);
            var metadata = InpeMetadataReader.ReadFile(band.XmlPath).Primary;
            Assert.Equal(metadata.Columns, info.GetProperty("size")[0].GetInt32());
            Assert.Equal(metadata.Lines, info.GetProperty("size")[1].GetInt32());
            var gdalBand = info.GetProperty("bands")[0];
            Assert.Equal("Int16", gdalBand.GetProperty("type").GetString());
            Assert.Equal(0, gdalBand.GetProperty("noDataValue").GetDouble());
            Assert.Contains($"ID[\"EPSG\",{metadata.Projection.Epsg}]]", info.GetProperty("coordinateSystem").GetProperty("wkt").GetString()!.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
            var geoTransform = info.GetProperty("geoTransform");
            Assert.Equal(metadata.BoundingBox.UpperLeft.Easting, geoTransform[0].GetDouble());
            Assert.Equal(metadata.HorizontalPixelSize, geoTransform[1].GetDouble());
            Assert.Equal(0, geoTransform[2].GetDouble());
            Assert.Equal(metadata.BoundingBox.UpperLeft.Northing, geoTransform[3].GetDouble());
            Assert.Equal(-metadata.VerticalPixelSize, geoTransform[5].GetDouble());
        }
    }

    [Fact]
    public void Generate_WritesXmlCornersThatAgreeWithTheGeoTiff_WithinHalfAPixel()
    {
        var files = ArchiveLayout.Locate(archive.Mux.Scenes[0].Directory);
        var band = files.Bands[2];
        var metadata = InpeMetadataReader.ReadFile(band.XmlPath).Primary;
        using var dataset = GdalDataset.Open(band.TiffPath);
        var transform = dataset.GeoTransform!.Value;
        using var utm = dataset.GetSpatialReference()!;
        using var wgs84 = SpatialReference.FromEpsg(4326);
        using var toUtm = CoordinateTransformation.Create(wgs84, utm);
        var half = metadata.HorizontalPixelSize / 2;
        var corners = metadata.BoundingBox;
        (ImageCorner Corner, double Column, double Row)[] expected =
        [
            (corners.UpperLeft, 0, 0), (corners.UpperRight, dataset.Width, 0),
            (corners.LowerRight, dataset.Width, dataset.Height), (corners.LowerLeft, 0, dataset.Height),
        ];
        foreach (var (corner, column, row) in expected)
        {
            var (x, y) = transform.PixelToWorld(column, row);
            Assert.InRange(Math.Abs(corner.Easting - x), 0, half);
            Assert.InRange(Math.Abs(corner.Northing - y), 0, half);
            var (e, n) = toUtm.Transform(corner.Longitude, corner.Latitude);
            Assert.InRange(Math.Abs(e - x), 0, half);
            Assert.InRange(Math.Abs(n - y), 0, half);
        }
    }

    [Fact]
    public void Generate_LeavesBetween30And55PercentOfTheGridAsNodata_InARotatedFootprint()
    {
        foreach (var scene in archive.Mux.Scenes.Concat(archive.Wfi.Scenes))
        {
            var band = ArchiveLayout.Locate(scene.Directory).Bands[0];
            using var dataset = GdalDataset.Open(band.TiffPath);
            var pixels = ReadAll(dataset);
            var nodata = pixels.Count(v => v == 0) / (double)pixels.Length;
            Assert.InRange(nodata, 0.30, 0.55);
            // Rotated: the first row with data starts right of where the last row with data starts.
            var firstRow = Array.FindIndex(pixels, v => v != 0) / dataset.Width;
            Assert.True(pixels[firstRow * dataset.Width] == 0, "the footprint must not be axis-aligned");
        }
    }

    [Fact]
    public void Generate_WritesReflectancesThatSurviveTheToaConversion_VegetationWaterAndSaturatedCloud()
    {
        var scene = SceneMetadata.Merge(ArchiveLayout.Locate(archive.Mux.Scenes[0].Directory).Bands.Select(b => InpeMetadataReader.ReadFile(b.XmlPath)));
        var files = ArchiveLayout.Locate(archive.Mux.Scenes[0].Directory);
        var red = Reflectance(scene, files, 7);
        var nir = Reflectance(scene, files, 8);
        int vegetation = 0, water = 0, valid = 0;
        for (var i = 0; i < red.Length; i++)
        {
            if (double.IsNaN(red[i]))
            {
                continue;
            }

            valid++;
            var ndvi = (nir[i] - red[i]) / (nir[i] + red[i]);
            vegetation += ndvi > 0.6 ? 1 : 0;
            water += ndvi < -0.2 ? 1 : 0;
        }

        Assert.InRange(vegetation / (double)valid, 0.10, 0.90);
        Assert.InRange(water / (double)valid, 0.01, 0.60);
        using var blue = GdalDataset.Open(files.Band(5).TiffPath);
        Assert.Contains(ReadAll(blue), v => v == 255);
    }

    [Fact]
    public void Generate_WritesTenBitIntegers_ForWfi()
    {
        var band = ArchiveLayout.Locate(archive.Wfi.Scenes[0].Directory).Bands[3];
        using var dataset = GdalDataset.Open(band.TiffPath);
        var pixels = new short[dataset.Width * dataset.Height];
        dataset.GetBand(1).Read<short>(0, 0, dataset.Width, dataset.Height, pixels);
        Assert.InRange(pixels.Max(), (short)300, (short)1023);
        Assert.Equal(0, pixels.Min());
    }

    [Fact]
    public void Generate_WritesXmlThatOurReaderParses_ToTheSceneItWasWrittenFor()
    {
        var scene = archive.Wfi.Scenes[0];
        foreach (var band in ArchiveLayout.Locate(scene.Directory).Bands)
        {
            var metadata = InpeMetadataReader.ReadFile(band.XmlPath);
            Assert.Equal(scene.Id, metadata.SceneId);
            Assert.Equal(band.Band, metadata.Band);
            Assert.Equal(32721, metadata.Primary.Projection.Epsg);
            Assert.Equal(32721, GdalDataset.Open(band.TiffPath).GetSpatialReference()!.Epsg);
            Assert.NotNull(metadata.AbsoluteCalibrationCoefficient);
        }
    }

    [Fact]
    public void Generate_IsDeterministic_ForTheSameSeed()
    {
        var root = Directory.CreateTempSubdirectory("earthdata-determinism-").FullName;
        try
        {
            var options = new SyntheticSceneOptions { OutputRoot = root, Scale = 0.03, Seed = 3 };
            var first = Hashes(SyntheticSceneGenerator.Generate(options).Scenes[0].Directory);
            var second = Hashes(SyntheticSceneGenerator.Generate(options).Scenes[0].Directory);
            var other = Hashes(SyntheticSceneGenerator.Generate(options with { OutputRoot = Path.Combine(root, "other"), Seed = 4 }).Scenes[0].Directory);
            Assert.Equal(first, second);
            Assert.NotEqual(first.Where(kv => kv.Key.EndsWith(".tif", StringComparison.Ordinal)), other.Where(kv => kv.Key.EndsWith(".tif", StringComparison.Ordinal)));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Generate_WritesBeforeAndAfterScenesAndATruthMask_ForAFloodScenario()
    {
        var flood = archive.Flood;
        Assert.Equal(2, flood.Scenes.Count);
        Assert.Equal(flood.Scenes[0].Id.AcquisitionDate.AddDays(26), flood.Scenes[1].Id.AcquisitionDate);
        Assert.True(File.Exists(flood.TruthMaskPath));
        Assert.True(File.Exists(flood.ManifestPath));
        Assert.True(flood.ChangedPixels > 100, $"only {flood.ChangedPixels} changed pixels");

        using var mask = GdalDataset.Open(flood.TruthMaskPath!);
        var truth = ReadAll(mask);
        Assert.Equal(flood.ChangedPixels, truth.LongCount(v => v == 1));
        var before = ReadAll(GdalDataset.Open(ArchiveLayout.Locate(flood.Scenes[0].Directory).Band(8).TiffPath));
        var after = ReadAll(GdalDataset.Open(ArchiveLayout.Locate(flood.Scenes[1].Directory).Band(8).TiffPath));
        // Flooded ground goes dark in the NIR; unchanged ground stays the same.
        var changedDarker = Enumerable.Range(0, truth.Length).Where(i => truth[i] == 1).Average(i => after[i] < before[i] * 0.5 ? 1.0 : 0.0);
        var unchangedSame = Enumerable.Range(0, truth.Length).Where(i => truth[i] == 0).Average(i => Math.Abs(after[i] - before[i]) <= 2 ? 1.0 : 0.0);
        Assert.True(changedDarker > 0.95, $"{changedDarker:P1} of flooded pixels darkened");
        Assert.True(unchangedSame > 0.95, $"{unchangedSame:P1} of unchanged pixels kept their value");
    }

    [Theory]
    [InlineData("CBERS4-XYZ", 0.1, "--camera")]
    [InlineData("CBERS4-MUX", 0, "--scale")]
    [InlineData("CBERS4-MUX", 1.5, "--scale")]
    public void Generate_RejectsBadOptions_NamingTheOption(string camera, double scale, string option)
    {
        var ex = Assert.Throws<ArgumentException>(() => SyntheticSceneGenerator.Generate(new SyntheticSceneOptions { OutputRoot = "/tmp/unused", Collection = camera, Scale = scale }));
        Assert.StartsWith(option, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SceneFootprint_RowSpan_AgreesWithContains()
    {
        var footprint = SceneFootprint.Create(97, 83, 11, 0.4);
        for (var row = 0; row < footprint.Height; row++)
        {
            var (start, end) = footprint.RowSpan(row);
            for (var col = 0; col < footprint.Width; col++)
            {
                Assert.Equal(footprint.Contains(col, row), col >= start && col < end);
            }
        }

        Assert.InRange(footprint.NoDataFraction, 0.39, 0.41);
    }

    private static double[] Reflectance(SceneMetadata scene, SceneFiles files, int bandNumber)
    {
        using var dataset = GdalDataset.Open(files.Band(bandNumber).TiffPath);
        var factor = ToaReflectance.Factor(scene.CalibrationCoefficients[bandNumber], scene.Camera.Band(bandNumber), scene.SunElevation, scene.Id.AcquisitionDate);
        return [.. ReadAll(dataset).Select(v => v == 0 ? double.NaN : v * factor)];
    }

    private static int[] ReadAll(GdalDataset dataset)
    {
        var pixels = new int[dataset.Width * dataset.Height];
        dataset.GetBand(1).Read<int>(0, 0, dataset.Width, dataset.Height, pixels);
        return pixels;
    }

    private static Dictionary<string, string> Hashes(string directory) =>
        Directory.GetFiles(directory).ToDictionary(f => Path.GetFileName(f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));
}
