using EarthData.Core.Metadata;
using EarthData.Core.Stac;
using EarthData.Core.Storage;
using EarthData.Imaging.Cog;
using EarthData.Samples;

namespace EarthData.Server.Tests;

/// <summary>
/// The server with two adjacent synthetic CBERS-4 MUX scenes (path 151, rows 121 and 122) published the way the pipeline
/// does: a band-5 Web Mercator COG per scene uploaded to <c>cogs/{collection}/{item}/B5_cog.tif</c> and the
/// <see cref="CbersItemBuilder"/> item in the catalogue, its asset href the object key.
/// </summary>
public sealed class PublishedScenesServer : RunningServer
{
    public const string Collection = "CBERS4-MUX";

    private readonly string _work = Directory.CreateTempSubdirectory("earthdata-scenes-").FullName;

    /// <summary>The published scenes: item id, object key and the COG's grid.</summary>
    public List<(string ItemId, string Key, CogResult Cog)> Scenes { get; } = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        foreach (var row in new[] { 121, 122 })
        {
            var generated = SyntheticSceneGenerator.Generate(new SyntheticSceneOptions
            {
                OutputRoot = _work, Collection = Collection, Path = 151, Row = row, Scale = 0.03, Seed = row,
            }).Scenes[0];
            var scene = SceneMetadata.Merge(Directory.GetFiles(generated.Directory, "*.xml").Order().Select(InpeMetadataReader.ReadFile));
            var cog = CogWriter.Write(new CogRequest { Source = generated.Directory, Destination = Path.Combine(_work, $"{scene.Id}_B5.tif"), Bands = [5] });
            var key = ObjectKey.Combine("cogs", Collection, scene.Id.ToString(), "B5_cog.tif");
            await using (var file = File.OpenRead(cog.Path))
            {
                await Objects.PutAsync(key, file, new ObjectPutOptions { ContentType = StacAsset.CogMediaType, CacheControl = "public, max-age=86400" });
            }

            var pixelWidth = cog.Bounds.Width / cog.Width;
            var pixelHeight = cog.Bounds.Height / cog.Height;
            var item = CbersItemBuilder.Build(scene, new CbersItemOptions
            {
                CogBands = new Dictionary<int, AssetFile>
                {
                    [5] = new AssetFile(key, cog.FileSize)
                    {
                        Shape = [cog.Height, cog.Width],
                        Transform = [pixelWidth, 0, cog.Bounds.MinX, 0, -pixelHeight, cog.Bounds.MaxY],
                    },
                },
            });
            await Catalog.UpsertItemAsync(item);
            Scenes.Add((item.Id, key, cog));
        }
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_work, recursive: true);
    }
}
