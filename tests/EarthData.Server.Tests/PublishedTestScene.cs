using EarthData.Imaging.Layers;
using EarthData.Jobs.Pipeline;
using EarthData.Samples;

namespace EarthData.Server.Tests;

/// <summary>A small synthetic CBERS-4 MUX scene processed (true colour only) and published into a running server's stores, as <c>earthdata publish</c> does by default.</summary>
internal static class PublishedTestScene
{
    public static async Task<(ProcessedScene Processed, PublishResult Published)> PublishAsync(RunningServer server, string work, int seed, int path = 151, int row = 121)
    {
        var generated = SyntheticSceneGenerator.Generate(new SyntheticSceneOptions
        {
            OutputRoot = Path.Combine(work, "archive"), Collection = "CBERS4-MUX", Path = path, Row = row, Scale = 0.03, Seed = seed,
        }).Scenes[0];
        var processed = new SceneProcessor(Path.Combine(work, "staging")).Process(generated.Directory, new SceneProcessingOptions
        {
            Layers = [LayerDefinition.TrueColor], Threads = 2,
        });
        var published = await new ScenePublisher(server.Objects, server.Catalog, new PublishOptions()).PublishAsync(processed);
        return (processed, published);
    }
}
