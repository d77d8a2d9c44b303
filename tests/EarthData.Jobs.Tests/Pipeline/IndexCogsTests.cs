using EarthData.Core.Indices;
using EarthData.Core.Stac;
using EarthData.Gdal;
using EarthData.Imaging.Indices;
using EarthData.Imaging.Radiometry;
using EarthData.Jobs.Pipeline;
using EarthData.Testing;

namespace EarthData.Jobs.Tests.Pipeline;

[Collection(PublishTestGroup.Name)]
public sealed class IndexCogsTests(PublishScenesFixture scenes)
{
    private static readonly string[] AssetKeys = ["ndvi", "ndwi", "evi", "savi"];

    [Fact]
    public void Process_WritesEachIndexAsAValidCogOnTheMasterGrid()
    {
        foreach (var scene in new[] { scenes.Mux, scenes.Wfi })
        {
            Assert.Equal(AssetKeys, scene.Manifest.Indices!.Select(i => i.AssetKey));
            using var master = GdalDataset.Open(scene.PathOf(scene.Manifest.Cog));
            foreach (var index in scene.Manifest.Indices!)
            {
                var path = scene.PathOf(index.File);
                var validation = CogValidator.Run(path);
                Assert.True(CogValidator.IsValid(validation), $"{index.AssetKey}: {validation.Output}");
                using var cog = GdalDataset.Open(path);
                Assert.Equal((master.Width, master.Height), (cog.Width, cog.Height));
                Assert.Equal(master.GeoTransform, cog.GeoTransform);
                Assert.Equal(master.GetMetadata("TILING_SCHEME"), cog.GetMetadata("TILING_SCHEME"));
                var band = cog.GetBand(1);
                Assert.Equal(1, cog.BandCount);
                Assert.Equal(GdalDataType.Int16, band.DataType);
                Assert.Equal(IndexCogWriter.NoData, band.NoDataValue);
                Assert.Equal(1e-4, band.Scale);
                Assert.Equal(0, band.Offset);
                Assert.Equal(master.GetBand(1).OverviewCount, band.OverviewCount);
                Assert.Equal((256, 256), band.BlockSize);
            }
        }
    }

    [Fact]
    public void Process_IndexValuesAreTheKernelsOnTheMasterCogsToaReflectance_AndNodataWhereAnyBandIsNodata()
    {
        foreach (var scene in new[] { scenes.Mux, scenes.Wfi })
        {
            using var master = GdalDataset.Open(scene.PathOf(scene.Manifest.Cog));
            var (w, h) = (master.Width, master.Height);
            var names = new[] { "blue", "green", "red", "nir" };
            var specs = names.Select(n => scene.Metadata.Camera.Bands.First(b => b.CommonName == n)).ToList();
            Assert.True(ReflectanceFactors.TryCompute(scene.Metadata, specs, out var factors));
            var dn = new Dictionary<string, float[]>();
            var rho = new Dictionary<string, float[]>();
            for (var b = 0; b < names.Length; b++)
            {
                var number = Enumerable.Range(1, master.BandCount).First(i => master.GetBand(i).Description == names[b]);
                var values = new float[w * h];
                master.GetBand(number).Read<float>(0, 0, w, h, values);
                dn[names[b]] = values;
                rho[names[b]] = values.Select(v => v * (float)factors[b]).ToArray();
            }

            var reference = new Dictionary<string, float[]>
            {
                ["ndvi"] = new float[w * h], ["ndwi"] = new float[w * h], ["evi"] = new float[w * h], ["savi"] = new float[w * h],
            };
            IndexKernels.NormalizedDifferenceScalar(rho["nir"], rho["red"], reference["ndvi"]);
            IndexKernels.NormalizedDifferenceScalar(rho["green"], rho["nir"], reference["ndwi"]);
            IndexKernels.EviScalar(rho["nir"], rho["red"], rho["blue"], reference["evi"]);
            IndexKernels.SaviScalar(rho["nir"], rho["red"], reference["savi"]);
            Assert.Equal(AssetKeys, scene.Manifest.Indices!.Select(i => i.AssetKey));
            foreach (var index in scene.Manifest.Indices!)
            {
                using var cog = GdalDataset.Open(scene.PathOf(index.File));
                var stored = new short[w * h];
                cog.GetBand(1).Read<short>(0, 0, w, h, stored);
                var expected = reference[index.AssetKey];
                int valid = 0, nodata = 0;
                for (var i = 0; i < stored.Length; i++)
                {
                    var anyNodata = names.Any(n => dn[n][i] == 0);
                    if (anyNodata || float.IsNaN(expected[i]))
                    {
                        Assert.True(stored[i] == IndexCogWriter.NoData, $"{index.AssetKey} pixel {i}: {stored[i]} where an input is nodata");
                        nodata++;
                        continue;
                    }

                    var value = stored[i] * 1e-4;
                    var clamped = Math.Clamp(expected[i], -3.2767, 3.2767);
                    Assert.True(Math.Abs(value - clamped) <= 0.6e-4, $"{scene.Manifest.SceneId} {index.AssetKey} pixel {i}: stored {value}, kernel {expected[i]}");
                    valid++;
                }

                Assert.True(valid > 1000, $"{index.AssetKey}: only {valid} valid pixels");
                Assert.True(nodata > 1000, $"{index.AssetKey}: only {nodata} nodata pixels (the footprint's collar)");
            }
        }
    }

    [Fact]
    public async Task Publish_ItemCarriesTheIndexAssets_WithRasterBandsAndTheMastersProjection()
    {
        using var target = await LocalTarget.CreateAsync();
        var scene = scenes.Mux;

        var result = await target.Publisher().PublishAsync(scene);

        var item = await target.Catalog.GetItemAsync(scene.Manifest.Collection, scene.Manifest.SceneId);
        Assert.NotNull(item);
        var visual = item.Assets["visual"];
        foreach (var key in AssetKeys)
        {
            var asset = item.Assets[key];
            Assert.Equal($"cogs/CBERS4-MUX/{scene.Manifest.SceneId}/{key}.tif", asset.Href);
            Assert.Equal(StacAsset.CogMediaType, asset.Type);
            Assert.Equal(["data", "index"], asset.Roles);
            Assert.False(string.IsNullOrWhiteSpace(asset.Title));
            var band = Assert.Single(asset.Fields!["bands"].EnumerateArray());
            Assert.Equal("int16", band.GetProperty("data_type").GetString());
            Assert.Equal(-32768, band.GetProperty("nodata").GetInt32());
            Assert.Equal(1e-4, band.GetProperty("raster:scale").GetDouble());
            Assert.Equal(0, band.GetProperty("raster:offset").GetDouble());
            foreach (var field in new[] { "proj:code", "proj:epsg", "proj:shape", "proj:transform", "proj:bbox" })
            {
                Assert.Equal(visual.Fields![field].GetRawText(), asset.Fields[field].GetRawText());
            }

            var head = await target.Objects.HeadAsync(asset.Href);
            Assert.Equal(StacAsset.CogMediaType, head!.ContentType);
            using var cog = GdalDataset.Open(target.PathOf(asset.Href));
            Assert.Equal(key, cog.GetBand(1).Description);
        }

        // The public CBERS cameras have no SWIR: the item says so for every SWIR index, with the one reason.
        var unavailable = item.Properties[IndexCogs.UnavailableProperty];
        Assert.Equal(["mndwi", "nbr", "ndmi"], unavailable.EnumerateObject().Select(p => p.Name));
        Assert.All(unavailable.EnumerateObject(), p => Assert.EndsWith(IndexDefinition.NoSwirReason, p.Value.GetString(), StringComparison.Ordinal));
        var json = target.PathOf(result.ItemKey!);
        var validation = await StacValidator.ValidateAsync([json]);
        Assert.True(StacValidator.AllPassed(validation, 1), validation.Output);
    }

    [Fact]
    public void Process_WithNoIndexAssets_WritesNone()
    {
        var processor = new SceneProcessor(Path.Combine(scenes.Root, "staging-no-indices"));

        var scene = processor.ProcessCog(scenes.MuxDirectory, PublishScenesFixture.Options with { IndexAssets = [] });

        Assert.Empty(scene.Manifest.Indices ?? []);
        Assert.Equal([SceneProcessor.CogFileName], Directory.EnumerateFiles(scene.WorkDirectory, "*.tif").Select(Path.GetFileName));
        Assert.DoesNotContain(SceneUploads.Products(scene.Manifest, scene.WorkDirectory), u => u.Key.EndsWith("ndvi.tif", StringComparison.Ordinal));
    }

    [Fact]
    public void Process_SwirIndexRequested_IsAbsentAndTheItemSaysWhy()
    {
        var processor = new SceneProcessor(Path.Combine(scenes.Root, "staging-swir"));

        var scene = processor.ProcessCog(scenes.MuxDirectory, PublishScenesFixture.Options with { IndexAssets = [SpectralIndex.Ndvi, SpectralIndex.Mndwi, SpectralIndex.Nbr] });

        Assert.Equal(["ndvi"], scene.Manifest.Indices!.Select(i => i.AssetKey));
        var item = CbersItemBuilder.Build(scene.Metadata);
        IndexCogs.DescribeUnavailable(item, scene.Manifest);
        var reasons = item.Properties[IndexCogs.UnavailableProperty];
        Assert.Equal(["mndwi", "nbr", "ndmi"], reasons.EnumerateObject().Select(p => p.Name));
        Assert.Contains(IndexDefinition.NoSwirReason, reasons.GetProperty("mndwi").GetString(), StringComparison.Ordinal);
        Assert.Equal(IndexDefinition.Of(SpectralIndex.Nbr).Availability(scene.Metadata.Camera), reasons.GetProperty("nbr").GetString());
    }
}
