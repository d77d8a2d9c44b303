using EarthData.Imaging.Layers;
using EarthData.Jobs.Pipeline;
using EarthData.Server.Tests.Tiles;

namespace EarthData.Server.Tests;

/// <summary>A small synthetic CBERS-4 MUX scene processed (true colour only) and published into a running server's stores, as <c>earthdata publish</c> does by default.</summary>
internal static class PublishedTestScene
{
    public static Task<(ProcessedScene Processed, PublishResult Published)> PublishAsync(RunningServer server, string work, int seed, int row = 121) =>
        PublishedProduct.ProcessAndPublishAsync(server, work, seed, scale: 0.03, row, [LayerDefinition.TrueColor]);
}
