using System.Globalization;
using EarthData.Core.Storage;
using EarthData.Core.Tiling;
using EarthData.Imaging.Layers;
using EarthData.Jobs.Pipeline;
using EarthData.Samples;

namespace EarthData.Server.Tests.Tiles;

/// <summary>
/// One synthetic CBERS-4 MUX scene processed and published exactly as <c>earthdata publish</c> does (COG, true- and
/// false-colour pyramids, thumbnail, STAC item with object keys as hrefs).
/// </summary>
public sealed record PublishedProduct(PublishResult Published, ProcessedScene Processed, string WorkDirectory)
{
    public const string Collection = "CBERS4-MUX";

    public string ItemId => Published.Item.Id;

    /// <summary>The master COG as the process stage left it in its work directory.</summary>
    public string CogPath => Path.Combine(Processed.WorkDirectory, SceneProcessor.CogFileName);

    /// <summary>The finest pre-rendered zoom of the first layer.</summary>
    public ManifestZoom NativeZoom => Processed.Manifest.Layers[0].Zooms[^1];

    /// <summary>The object key of a pre-rendered tile.</summary>
    public string TileKey(string layer, int z, int x, int y) => $"tiles/{Collection}/{ItemId}/{layer}/{z}/{x}/{y}.png";

    /// <summary>The tile route path of a tile.</summary>
    public string TilePath(string layer, int z, int x, int y, string extension = "png") => $"/tiles/{Collection}/{ItemId}/{layer}/{z}/{x}/{y}.{extension}";

    /// <summary>A stored tile of the interior at the native zoom (the middle one in x, then y), so its children hold scene pixels too.</summary>
    public async Task<TileAddress> InteriorTileAsync(IObjectStore store, string layer = "true-color")
    {
        var zoom = NativeZoom.Zoom;
        var tiles = new List<TileAddress>();
        await foreach (var stored in store.ListAsync($"tiles/{Collection}/{ItemId}/{layer}/{zoom}/"))
        {
            var parts = stored.Key.Split('/');
            tiles.Add(new TileAddress(zoom, int.Parse(parts[^2], CultureInfo.InvariantCulture), int.Parse(parts[^1].Split('.')[0], CultureInfo.InvariantCulture)));
        }

        return tiles.Count == 0
            ? throw new InvalidOperationException($"no tile of {layer} at zoom {zoom} was published")
            : tiles.OrderBy(t => t.X).ThenBy(t => t.Y).ElementAt(tiles.Count / 2);
    }

    public static async Task<PublishedProduct> PublishAsync(RunningServer server, int seed = 17, double scale = 0.03)
    {
        var work = Directory.CreateTempSubdirectory("earthdata-product-").FullName;
        var (processed, published) = await ProcessAndPublishAsync(server, work, seed, scale, row: 121, [LayerDefinition.TrueColor, LayerDefinition.FalseColor]);
        return new PublishedProduct(published, processed, work);
    }

    /// <summary>
    /// Generates a synthetic CBERS-4 MUX scene under <paramref name="work"/>, processes it with <paramref name="layers"/>
    /// and publishes it into the server's stores exactly as <c>earthdata publish</c> does.
    /// </summary>
    public static async Task<(ProcessedScene Processed, PublishResult Published)> ProcessAndPublishAsync(
        RunningServer server, string work, int seed, double scale, int row, IReadOnlyList<LayerDefinition> layers, DateOnly? date = null,
        IReadOnlyList<Core.Indices.SpectralIndex>? indexAssets = null)
    {
        var generated = SyntheticSceneGenerator.Generate(new SyntheticSceneOptions
        {
            OutputRoot = Path.Combine(work, "archive"), Collection = Collection, Row = row, Scale = scale, Seed = seed,
            Date = date ?? new SyntheticSceneOptions { OutputRoot = work }.Date,
        }).Scenes[0];
        var processed = new SceneProcessor(Path.Combine(work, "staging")).Process(generated.Directory, new SceneProcessingOptions
        {
            Layers = [.. layers], Threads = 2, IndexAssets = indexAssets ?? SceneProcessingOptions.DefaultIndexAssets,
        });
        var published = await new ScenePublisher(server.Objects, server.Catalog, new PublishOptions()).PublishAsync(processed);
        return (processed, published);
    }
}
