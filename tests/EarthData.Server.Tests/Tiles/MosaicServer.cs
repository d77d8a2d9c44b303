using EarthData.Imaging.Layers;
using EarthData.Jobs.Pipeline;

namespace EarthData.Server.Tests.Tiles;

/// <summary>The server with two published scenes of the same path and row: <see cref="ProductServer"/>'s, and an older one.</summary>
public sealed class MosaicServer : RunningServer
{
    /// <summary>The date of the older scene (the newer one is the generator's default, 2024-03-10).</summary>
    public static readonly DateOnly OlderDate = new(2024, 2, 9);

    public PublishedProduct Newer { get; private set; } = null!;

    public PublishResult Older { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Newer = await PublishedProduct.PublishAsync(this);
        (_, Older) = await PublishedProduct.ProcessAndPublishAsync(
            this, Newer.WorkDirectory, seed: 29, scale: 0.03, row: 121, [LayerDefinition.TrueColor], OlderDate);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(Newer.WorkDirectory, recursive: true);
    }
}
