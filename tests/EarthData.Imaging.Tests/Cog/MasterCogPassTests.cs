using System.Text.Json;
using EarthData.Core.Indices;
using EarthData.Core.Metadata;
using EarthData.Core.Scenes;
using EarthData.Gdal;
using EarthData.Imaging.Cog;
using EarthData.Imaging.Indices;
using EarthData.Imaging.Layers;
using EarthData.Testing;

namespace EarthData.Imaging.Tests.Cog;

public sealed class MasterCogPassTests(CogScenesFixture scenes) : IClassFixture<CogScenesFixture>, IDisposable
{
    private static readonly SpectralIndex[] Indices = [SpectralIndex.Ndvi, SpectralIndex.Ndwi, SpectralIndex.Evi, SpectralIndex.Savi];
    private readonly string _output = Directory.CreateTempSubdirectory("earthdata-pass-").FullName;

    public void Dispose() => Directory.Delete(_output, recursive: true);

    [Fact]
    public void Run_ReadsEachStoredNativeBlockOnce_ForStatisticsAndIndices()
    {
        var cogPath = Path.Combine(_output, "visual.tif");
        CogWriter.Write(new CogRequest { Source = scenes.Mux, Destination = cogPath, Threads = 2 });
        var metadata = SceneMetadata.Read(ArchiveLayout.Locate(scenes.Mux));
        var stored = StoredBlocks(cogPath, out var bands);

        MasterCogProducts products;
        using (var reads = new GdalPixelReads(cogPath))
        {
            products = MasterCogPass.Run(cogPath, metadata, Indices, _output, threads: 2);
            Assert.Equal(stored, products.BlocksRead);
            Assert.True(stored > 4, $"only {stored} stored blocks");
            // Every full-resolution pixel read is a stored block's, each block once: the statistics and the four
            // indices share the read (they used to read the master twice). Besides, the stretch cuts sample the level
            // that serves a read of ≤ 1024 pixels a side: the whole raster of a scene this small.
            var cuts = SampleOfCuts(cogPath);
            Assert.InRange(reads.Full, 1 + cuts, cuts + (stored * bands * CogBlockPass.BlockSide * CogBlockPass.BlockSide));
        }

        Assert.Equal(Indices, products.Indices.Written);
        using var cog = GdalDataset.Open(cogPath);
        // Same values, histograms and cuts as computed on their own (the records hold lists: compare their JSON).
        Assert.Equal(JsonSerializer.Serialize(SceneStatistics.Compute(cog)), JsonSerializer.Serialize(products.Statistics));
        Assert.All(products.Statistics, s => Assert.NotNull(s!.Histogram));
    }

    [Fact]
    public void Run_WritesTheIndexCogsTheWriterAloneWrites()
    {
        var cogPath = Path.Combine(_output, "visual.tif");
        CogWriter.Write(new CogRequest { Source = scenes.Wfi, Destination = cogPath, Threads = 2 });
        var metadata = SceneMetadata.Read(ArchiveLayout.Locate(scenes.Wfi));
        var alone = Directory.CreateDirectory(Path.Combine(_output, "alone")).FullName;

        MasterCogPass.Run(cogPath, metadata, Indices, _output, threads: 2);
        IndexCogWriter.Write(cogPath, metadata, Indices, alone, threads: 2);

        foreach (var index in Indices)
        {
            using var shared = GdalDataset.Open(Path.Combine(_output, IndexCogWriter.FileName(index)));
            using var single = GdalDataset.Open(Path.Combine(alone, IndexCogWriter.FileName(index)));
            for (var level = -1; level < shared.GetBand(1).OverviewCount; level++)
            {
                var (a, b) = level < 0 ? (shared.GetBand(1), single.GetBand(1)) : (shared.GetBand(1).GetOverview(level), single.GetBand(1).GetOverview(level));
                var (x, y) = (a.Width, a.Height);
                var left = new short[x * y];
                var right = new short[x * y];
                a.Read<short>(0, 0, x, y, left);
                b.Read<short>(0, 0, x, y, right);
                Assert.True(left.AsSpan().SequenceEqual(right), $"{index} level {level} differs");
            }
        }
    }

    [Fact]
    public void Run_ReducesIndexOverviewsAsGdalsAverage_OverTheFullResolution()
    {
        var cogPath = Path.Combine(_output, "visual.tif");
        CogWriter.Write(new CogRequest { Source = scenes.Mux, Destination = cogPath, Threads = 2 });
        var metadata = SceneMetadata.Read(ArchiveLayout.Locate(scenes.Mux));

        MasterCogPass.Run(cogPath, metadata, [SpectralIndex.Evi], _output, threads: 2);

        using var cog = GdalDataset.Open(Path.Combine(_output, IndexCogWriter.FileName(SpectralIndex.Evi)));
        var band = cog.GetBand(1);
        Assert.True(band.OverviewCount > 0);
        var (w, h) = (cog.Width, cog.Height);
        var full = new short[w * h];
        band.Read<short>(0, 0, w, h, full);
        // The reference is what the writer did before: a tiled GTiff of the full resolution, GDAL's AVERAGE overviews.
        var referencePath = VsiMem.CreatePath("reference.tif");
        using var reference = GdalDataset.Create("GTiff", referencePath, w, h, 1, GdalDataType.Int16, ["TILED=YES", "BLOCKXSIZE=256", "BLOCKYSIZE=256"]);
        reference.GetBand(1).Write<short>(0, 0, w, h, full);
        reference.GetBand(1).NoDataValue = IndexCogWriter.NoData;
        reference.BuildOverviews("AVERAGE", [.. Enumerable.Range(1, band.OverviewCount).Select(level => 1 << level)]);
        for (var level = 0; level < band.OverviewCount; level++)
        {
            var ours = band.GetOverview(level);
            var gdal = reference.GetBand(1).GetOverview(level);
            Assert.Equal((gdal.Width, gdal.Height), (ours.Width, ours.Height));
            var (a, b) = (new short[ours.Width * ours.Height], new short[ours.Width * ours.Height]);
            ours.Read<short>(0, 0, ours.Width, ours.Height, a);
            gdal.Read<short>(0, 0, gdal.Width, gdal.Height, b);
            // Same nodata everywhere and the same means: GDAL cascades each level from the one below, as we do.
            var differ = a.Zip(b).Where(p => p.First != p.Second).ToList();
            Assert.True(differ.Count == 0, $"overview {level}: {differ.Count} pixels differ, e.g. {string.Join(", ", differ.Take(5))}");
        }

        VsiMem.DeleteDirectory(Path.GetDirectoryName(referencePath)!);
    }

    /// <summary>Full-resolution pixels the stretch estimate reads: the whole raster when it fits 1024 pixels a side.</summary>
    private static long SampleOfCuts(string path)
    {
        using var dataset = GdalDataset.Open(path);
        return Math.Max(dataset.Width, dataset.Height) <= 1024 ? (long)dataset.Width * dataset.Height * dataset.BandCount : 0;
    }

    /// <summary>The native blocks the COG stores (band 1; the COG interleaves by pixel, so every band has the same).</summary>
    private static long StoredBlocks(string path, out int bands)
    {
        using var dataset = GdalDataset.Open(path);
        bands = dataset.BandCount;
        var band = dataset.GetBand(1);
        long stored = 0;
        for (var y = 0; y < dataset.Height; y += 256)
        {
            for (var x = 0; x < dataset.Width; x += 256)
            {
                stored += band.GetDataCoverage(x, y, Math.Min(256, dataset.Width - x), Math.Min(256, dataset.Height - y)) == DataCoverage.Empty ? 0 : 1;
            }
        }

        return stored;
    }
}
