using EarthData.Core.Stac;
using EarthData.Imaging.Layers;
using EarthData.Jobs.Pipeline;

namespace EarthData.Server.Tests.Tiles;

/// <summary>
/// The server with two published scenes of the same path and row: <see cref="ProductServer"/>'s, and an older one (their
/// footprints differ a little: each scene's rotation and collar come from its seed). The catalogue records the older one
/// as the clearer (<see cref="OlderCloudCover"/> against <see cref="NewerCloudCover"/>), whatever the generated clouds
/// measured, so that least-cloudy-first and newest-first disagree.
/// </summary>
public sealed class MosaicServer : RunningServer
{
    public const double NewerCloudCover = 40;

    public const double OlderCloudCover = 3;

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
        await Catalog.UpsertItemsAsync([WithCloudCover(Newer.Published.Item, NewerCloudCover), WithCloudCover(Older.Item, OlderCloudCover)]);
    }

    private static StacItem WithCloudCover(StacItem item, double percent) =>
        item with { Properties = new(item.Properties) { ["eo:cloud_cover"] = StacJson.Element(percent) } };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(Newer.WorkDirectory, recursive: true);
    }
}
