using EarthData.Gdal;
using EarthData.Jobs.Pipeline;
using EarthData.Testing;

namespace EarthData.Jobs.Tests.Pipeline;

[Collection(PublishTestGroup.Name)]
public sealed class ProcessReadsTests(PublishScenesFixture scenes)
{
    [Fact]
    public void ProcessCog_ReadsTheMastersNativeBlocksOnce_ForStatisticsAndIndexCogs()
    {
        var processor = new SceneProcessor(Path.Combine(scenes.Root, "staging-reads"));
        var cogPath = Path.Combine(processor.WorkDirectoryOf(Path.GetFileName(scenes.MuxDirectory)), SceneProcessor.CogFileName);

        long full;
        using (var reads = new GdalPixelReads(cogPath))
        {
            var result = processor.ProcessCog(scenes.MuxDirectory, PublishScenesFixture.Options);
            Assert.Equal(4, result.Manifest.Indices!.Count);
            full = reads.Full;
        }

        using var cog = GdalDataset.Open(cogPath);
        long stored = 0;
        for (var y = 0; y < cog.Height; y += 256)
        {
            for (var x = 0; x < cog.Width; x += 256)
            {
                stored += cog.GetBand(1).GetDataCoverage(x, y, Math.Min(256, cog.Width - x), Math.Min(256, cog.Height - y)) == DataCoverage.Empty ? 0 : 1;
            }
        }

        // Statistics and the four index COGs come from one read of each stored block's four bands (they read it twice).
        // The stretch cuts and the cloud cover sample the level serving ≤ 1024 pixels a side (the thumbnail is GDAL's
        // own translate): on a scene this small, the whole raster once each.
        Assert.True(stored >= 2, $"only {stored} stored block");
        var samples = Math.Max(cog.Width, cog.Height) <= 1024 ? 2L * cog.Width * cog.Height * cog.BandCount : 0;
        Assert.True(full > samples && full <= samples + (stored * cog.BandCount * 256 * 256),
            $"{full} pixels read at full resolution: {samples} by the samples, {stored} stored blocks of {cog.Width}×{cog.Height}×{cog.BandCount}");
    }
}
