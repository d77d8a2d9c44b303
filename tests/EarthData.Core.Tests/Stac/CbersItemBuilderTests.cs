using System.Globalization;
using System.Text.Json;
using EarthData.Core.Metadata;
using EarthData.Core.Stac;
using EarthData.Core.Tiling;

namespace EarthData.Core.Tests.Stac;

public sealed class CbersItemBuilderTests
{
    private const double Tolerance = 1e-4;

    internal static readonly string[] ReferenceIdList =
    [
        "CBERS_4_MUX_20170528_090_084_L2",
        "CBERS_4_AWFI_20170409_167_123_L4",
        "CBERS_4_PAN10M_20190201_180_125_L2",
        "CBERS_4A_MUX_20200808_201_137_L4",
        "CBERS_4A_WPM_20200730_209_139_L4",
    ];

    public static TheoryData<string> ReferenceIds => [.. ReferenceIdList];

    internal static SceneMetadata Scene(string id)
    {
        var xml = Directory.GetFiles(SharedFixtures.CbersXmlDirectory, id + "_BAND*.xml").Single();
        return SceneMetadata.From(InpeMetadataReader.ReadFile(xml));
    }

    internal static CbersItemOptions FullOptions(SceneMetadata scene) => new()
    {
        OriginalBands = scene.Camera.Bands.ToDictionary(b => b.Number, b => new AssetFile($"https://data.example.org/archive/{scene.Id.ArchiveDirectory}/{scene.Id.BandFileName(b.Number, "tif")}")),
        CogBands = scene.Camera.Bands.ToDictionary(
            b => b.Number,
            b => new AssetFile($"https://data.example.org/cogs/{scene.CollectionId}/{scene.Id}/{b.Name}.tif", 1_234_567, Multihash.Sha256(new byte[32]))
            {
                Shape = [1024, 512],
                Transform = [76.437, 0, -5_009_377.085, 0, -76.437, -1_252_344.271],
            }),
        Thumbnail = new AssetFile($"https://data.example.org/stac/{scene.CollectionId}/{scene.Id}/thumbnail.png", 2048),
        MetadataXml = new AssetFile($"https://data.example.org/archive/{scene.Id.ArchiveDirectory}/{scene.Id.BandFileName(scene.Bands[0], "xml")}"),
        Tiles = new TilePyramid($"https://data.example.org/tiles/{scene.CollectionId}/{scene.Id}", 6, 12, [new TileLayer("visual", Title: "True colour")]),
        CloudCover = 12.5,
        SoftwareVersion = "0.1.0",
        ProcessedAt = new DateTime(2024, 5, 1, 12, 0, 0, DateTimeKind.Utc),
    };

    [Theory]
    [MemberData(nameof(ReferenceIds))]
    public void Build_MatchesPublicReferenceItem(string id)
    {
        using var reference = JsonDocument.Parse(File.ReadAllText(Path.Combine(SharedFixtures.CbersStacDirectory, $"ref_{id}.json")));
        var expected = reference.RootElement;
        var scene = Scene(id);

        var item = CbersItemBuilder.Build(scene, FullOptions(scene));

        Assert.Equal(expected.GetProperty("id").GetString(), item.Id);
        Assert.Equal(expected.GetProperty("collection").GetString(), item.Collection);
        var bbox = expected.GetProperty("bbox").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.Equal(4, item.Bbox!.Count);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(bbox[i], item.Bbox[i], Tolerance);
        }

        var expectedRing = expected.GetProperty("geometry").GetProperty("coordinates")[0][0];
        Assert.Equal("Polygon", item.Geometry!.Type);
        var ring = item.Geometry.Coordinates[0];
        Assert.Equal(expectedRing.GetArrayLength(), ring.GetArrayLength());
        for (var i = 0; i < ring.GetArrayLength(); i++)
        {
            Assert.Equal(expectedRing[i][0].GetDouble(), ring[i][0].GetDouble(), Tolerance);
            Assert.Equal(expectedRing[i][1].GetDouble(), ring[i][1].GetDouble(), Tolerance);
        }

        var props = expected.GetProperty("properties");
        Assert.Equal(
            DateTime.Parse(props.GetProperty("datetime").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal),
            item.Datetime);
        Assert.Equal($"EPSG:{props.GetProperty("proj:epsg").GetInt32()}", item.Properties["proj:code"].GetString());
        Assert.Equal(props.GetProperty("view:sun_elevation").GetDouble(), item.Properties["view:sun_elevation"].GetDouble(), Tolerance);
        Assert.Equal(props.GetProperty("view:sun_azimuth").GetDouble(), item.Properties["view:sun_azimuth"].GetDouble(), Tolerance);
        Assert.Equal(props.GetProperty("view:off_nadir").GetDouble(), item.Properties["view:off_nadir"].GetDouble(), Tolerance);
        Assert.Equal(props.GetProperty("gsd").GetDouble(), item.Properties["gsd"].GetDouble());
        Assert.Equal(props.GetProperty("platform").GetString(), item.Properties["platform"].GetString());
        Assert.Equal(props.GetProperty("cbers:path").GetInt32(), item.Properties["cbers:path"].GetInt32());
        Assert.Equal(props.GetProperty("cbers:row").GetInt32(), item.Properties["cbers:row"].GetInt32());
        Assert.Equal(props.GetProperty("sat:platform_international_designator").GetString(), item.Properties["sat:platform_international_designator"].GetString());
        Assert.Equal(props.GetProperty("sat:orbit_state").GetString(), item.Properties["sat:orbit_state"].GetString());

        foreach (var asset in expected.GetProperty("assets").EnumerateObject().Where(a => a.Name.StartsWith('B')))
        {
            var expectedCommonName = asset.Value.GetProperty("eo:bands")[0].GetProperty("common_name").GetString();
            var band = item.Assets[asset.Name].Fields!["bands"][0];
            Assert.Equal(asset.Name, band.GetProperty("name").GetString());
            Assert.Equal(expectedCommonName, band.GetProperty("eo:common_name").GetString());
            Assert.Equal(expectedCommonName, item.Assets[asset.Name + CbersItemBuilder.CogSuffix].Fields!["bands"][0].GetProperty("eo:common_name").GetString());
        }
    }

    [Fact]
    public void Build_WritesProjectionGridOfTheBandFile()
    {
        var scene = Scene("CBERS_4_MUX_20170528_090_084_L2");
        var primary = scene.BandMetadata[0].Primary;

        var item = CbersItemBuilder.Build(scene);

        var shape = item.Properties["proj:shape"];
        Assert.Equal(primary.Lines, shape[0].GetInt32());
        Assert.Equal(primary.Columns, shape[1].GetInt32());
        var transform = item.Properties["proj:transform"];
        Assert.Equal(primary.BoundingBox.UpperLeft.Easting, transform[2].GetDouble());
        Assert.Equal(primary.BoundingBox.UpperLeft.Northing, transform[5].GetDouble());
        Assert.Equal(-primary.VerticalPixelSize, transform[4].GetDouble());
    }

    [Fact]
    public void Build_GivesCogAssetsTheirOwnWebMercatorGrid_WithTheEpsgCodeStacitReads()
    {
        var scene = Scene("CBERS_4_MUX_20170528_090_084_L2");

        var cog = CbersItemBuilder.Build(scene, FullOptions(scene)).Assets["B5" + CbersItemBuilder.CogSuffix].Fields!;

        Assert.Equal("EPSG:3857", cog["proj:code"].GetString());
        Assert.Equal(3857, cog["proj:epsg"].GetInt32());
        Assert.Equal([1024, 512], cog["proj:shape"].EnumerateArray().Select(v => v.GetInt32()));
        var bbox = cog["proj:bbox"].EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.Equal([-5_009_377.085, -1_252_344.271 - (1024 * 76.437), -5_009_377.085 + (512 * 76.437), -1_252_344.271], bbox, new ToleranceComparer(1e-6));
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }

    [Fact]
    public void Build_WithoutFiles_DeclaresOnlyExtensionsItUses()
    {
        var item = CbersItemBuilder.Build(Scene("CBERS_4_MUX_20170528_090_084_L2"));

        Assert.DoesNotContain(StacExtensionSchemas.Eo, item.StacExtensions);
        Assert.DoesNotContain(StacExtensionSchemas.File, item.StacExtensions);
        Assert.DoesNotContain(StacExtensionSchemas.TiledAssets, item.StacExtensions);
        Assert.False(item.Properties.ContainsKey("eo:cloud_cover"));
        Assert.Empty(item.Assets);
    }

    [Fact]
    public void Build_WithCalibration_ScalesBandsToRadiance()
    {
        var scene = Scene("CBERS_4_MUX_20170528_090_084_L2");
        Assert.NotEmpty(scene.CalibrationCoefficients);
        var (number, coefficient) = scene.CalibrationCoefficients.First();

        var item = CbersItemBuilder.Build(scene, FullOptions(scene));

        var band = item.Assets["B" + number.ToString(CultureInfo.InvariantCulture)].Fields!["bands"][0];
        Assert.Equal(coefficient, band.GetProperty("raster:scale").GetDouble());
        Assert.Equal(CbersItemBuilder.RadianceUnit, band.GetProperty("unit").GetString());
        Assert.Equal(0, band.GetProperty("nodata").GetInt32());
        Assert.Equal("uint8", band.GetProperty("data_type").GetString());
    }

    [Fact]
    public void Build_WithTiles_ListsOnlyServedZoomLevelsAndStactaTemplate()
    {
        var scene = Scene("CBERS_4A_MUX_20200808_201_137_L4");

        var item = CbersItemBuilder.Build(scene, FullOptions(scene));

        var link = item.Properties["tiles:tile_matrix_links"].GetProperty(WebMercatorQuad.Identifier);
        var zooms = link.GetProperty("limits").EnumerateObject().Select(p => int.Parse(p.Name, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(Enumerable.Range(6, 7), zooms);
        var z12 = link.GetProperty("limits").GetProperty("12");
        Assert.True(z12.GetProperty("min_tile_col").GetInt32() <= z12.GetProperty("max_tile_col").GetInt32());
        var template = item.Fields!["asset_templates"].GetProperty("visual");
        Assert.Equal(
            $"https://data.example.org/tiles/CBERS4A-MUX/{scene.Id}/visual/{{TileMatrix}}/{{TileCol}}/{{TileRow}}.png",
            template.GetProperty("href").GetString());
        Assert.Equal("image/png", template.GetProperty("type").GetString());
        var matrices = item.Properties["tiles:tile_matrix_sets"].GetProperty(WebMercatorQuad.Identifier).GetProperty("tileMatrix");
        Assert.Equal(["6", "7", "8", "9", "10", "11", "12"], matrices.EnumerateArray().Select(m => m.GetProperty("identifier").GetString()));
    }

    [Fact]
    public void Item_RoundTripsThroughJson()
    {
        var scene = Scene("CBERS_4_AWFI_20170409_167_123_L4");
        var item = CbersItemBuilder.Build(scene, FullOptions(scene));

        var json = StacJson.Serialize(item);
        var back = StacJson.Deserialize<StacItem>(json);

        Assert.Equal(json, StacJson.Serialize(back));
        Assert.Equal(item.Datetime, back.Datetime);
        Assert.Contains("\"eo:cloud_cover\":12.5", json, StringComparison.Ordinal);
    }
}
