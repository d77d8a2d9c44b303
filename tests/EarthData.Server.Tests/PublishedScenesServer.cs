using EarthData.Gdal;
using EarthData.Jobs.Pipeline;

namespace EarthData.Server.Tests;

/// <summary>
/// The server with two adjacent synthetic CBERS-4 MUX scenes (path 151, rows 121 and 122) published exactly as
/// <c>earthdata publish</c> does (<see cref="ScenePublisher"/>, no public URL): the Web Mercator COG of each scene at
/// <c>cogs/{collection}/{item}/visual.tif</c>, tiles, thumbnail and the STAC item in the catalogue.
/// </summary>
public sealed class PublishedScenesServer : RunningServer
{
    public const string Collection = "CBERS4-MUX";

    private readonly string _work = Directory.CreateTempSubdirectory("earthdata-scenes-").FullName;

    /// <summary>The published scenes: item id, object key of the visual COG, the local COG and its size in pixels.</summary>
    public List<(string ItemId, string Key, string CogPath, int Width, int Height, int Bands)> Scenes { get; } = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        foreach (var row in new[] { 121, 122 })
        {
            var (processed, published) = await PublishedTestScene.PublishAsync(this, Path.Combine(_work, row.ToString(System.Globalization.CultureInfo.InvariantCulture)), seed: row, row: row);
            var cogPath = processed.PathOf(processed.Manifest.Cog);
            using var cog = GdalDataset.Open(cogPath);
            Scenes.Add((published.Item.Id, PublishedObjectKeys.Cog(Collection, published.Item.Id, "visual"), cogPath, cog.Width, cog.Height, cog.BandCount));
        }
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_work, recursive: true);
    }
}
