using System.CommandLine;
using System.Globalization;
using EarthData.Core.Catalog;
using EarthData.Core.Scenes;
using EarthData.Imaging.Layers;
using EarthData.Jobs.Pipeline;
using EarthData.Storage.Configuration;
using Microsoft.Extensions.Configuration;

namespace EarthData.Cli.Commands;

/// <summary>
/// <c>earthdata publish</c>: one scene folder → COG, tile pyramids and thumbnail in <c>{data}/staging</c> → uploaded to
/// the configured object store → STAC item in the configured catalogue and the static catalogue under <c>stac/</c>.
/// </summary>
/// <remarks>
/// Settings come from <c>./appsettings.json</c>, then <c>{data}/appsettings.json</c>, then environment variables
/// (<c>EarthData__Objects__Provider</c>, <c>EarthData__Catalog__ConnectionString</c>, <c>EarthData__PublicUrl</c> …),
/// later sources winning; <c>--public-url</c> and <c>--public-objects-url</c> win over all. The catalogue stores object
/// keys whatever these say; they only give the static root catalog its absolute <c>self</c> link.
/// </remarks>
internal static partial class PublishCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var scene = new Argument<string>("scene-dir") { Description = "A scene folder in the archive layout (named after its scene id)" };
        var data = new Option<string?>("--data") { Description = "Data directory (default: $EARTHDATA_DATA or ./data): staging/, objects/, catalog.db" };
        var layers = new Option<string>("--layers") { Description = "Tile layers, comma-separated: true-color, false-color, band:N", DefaultValueFactory = _ => "true-color,false-color" };
        var zoom = new Option<string?>("--zoom") { Description = "Zoom range MIN-MAX (or one zoom); default: ~1 tile .. native" };
        var publicUrl = new Option<string?>("--public-url") { Description = "Public base URL of the EarthData server (default: EarthData:PublicUrl): the static root catalog's self link is {URL}/objects/stac/catalog.json" };
        var publicObjectsUrl = new Option<string?>("--public-objects-url") { Description = "URL under which object keys resolve without the server: a public container, bucket website or CDN (default: EarthData:PublicObjectsUrl)" };
        var threads = new Option<int>("--threads") { Description = "Worker threads", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("publish", "Process one scene (COG, tiles, thumbnail) and publish it: objects, then the STAC item")
        {
            scene, data, layers, zoom, publicUrl, publicObjectsUrl, threads,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async token =>
        {
            var directory = parse.GetValue(scene)!;
            var threadCount = parse.GetValue(threads);
            if (threadCount is < 1 or > 256)
            {
                throw new ArgumentException($"--threads: {threadCount}: use 1-256");
            }

            var zoomRange = ZoomRange.Parse(parse.GetValue(zoom));
            var processing = new SceneProcessingOptions
            {
                Layers = ParseLayers(parse.GetValue(layers)!),
                MinZoom = zoomRange?.Min,
                MaxZoom = zoomRange?.Max,
                Threads = threadCount,
            };
            if (!Directory.Exists(directory))
            {
                throw new DirectoryNotFoundException($"'{directory}' is not a folder");
            }

            var files = ArchiveLayout.Locate(directory);
            var dataDirectory = DataDirectory.Resolve(parse.GetValue(data));
            var configuration = Configuration(dataDirectory);
            var settings = new StorageSettings();
            configuration.GetSection("EarthData").Bind(settings);
            var objects = StorageFactory.CreateObjectStore(settings, dataDirectory);
            var catalog = StorageFactory.CreateCatalogStore(settings, dataDirectory);
            try
            {
                var options = new PublishOptions
                {
                    PublicUrl = HttpUrl("--public-url", PublishOptions.PublicUrlKey, parse.GetValue(publicUrl) ?? configuration[PublishOptions.PublicUrlKey]),
                    PublicObjectsUrl = HttpUrl("--public-objects-url", PublishOptions.PublicObjectsUrlKey,
                        parse.GetValue(publicObjectsUrl) ?? configuration[PublishOptions.PublicObjectsUrlKey]),
                };
                options.Validate();
                await catalog.MigrateAsync(token).ConfigureAwait(false);
                var publisher = new ScenePublisher(objects, catalog, options);
                GdalCache.Bound(GdalCache.ProcessingBytes);
                var processor = new SceneProcessor(Path.Combine(dataDirectory, "staging"));
                var result = await RunAsync(stderr, files.Id.ToString(), processor, publisher, catalog, files.Directory, processing, token).ConfigureAwait(false);
                await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"published {result.Item.Id}: {result.ObjectsUploaded} objects, {result.BytesUploaded} bytes uploaded; STAC item {result.ItemKey}")).ConfigureAwait(false);
                return 0;
            }
            finally
            {
                (catalog as IDisposable)?.Dispose();
            }
        }, stderr, ct));
        return command;
    }

    private static async Task<PublishResult> RunAsync(TextWriter stderr, string sceneId, SceneProcessor processor, ScenePublisher publisher,
        ICatalogStore catalog, string directory, SceneProcessingOptions options, CancellationToken cancellationToken)
    {
        var previous = await catalog.GetSceneRecordAsync(sceneId, cancellationToken).ConfigureAwait(false);
        await catalog.UpsertSceneRecordAsync(
            new SceneRecord { SceneId = sceneId, State = SceneState.Processing, UpdatedAt = DateTime.UtcNow, Attempts = (previous?.Attempts ?? 0) + 1 },
            cancellationToken).ConfigureAwait(false);
        ProcessedScene processed;
        try
        {
            processed = ProgressDisplay.Run(stderr, "processing " + sceneId, p => processor.Process(directory, options, p, cancellationToken));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await catalog.UpsertSceneRecordAsync(new SceneRecord
            {
                SceneId = sceneId, State = SceneState.Failed, Stage = "process", Reason = ex.Message.ReplaceLineEndings(" "),
                Retryable = ex is not (Core.InvalidSceneException or ArgumentException), UpdatedAt = DateTime.UtcNow,
                Attempts = (previous?.Attempts ?? 0) + 1,
            }, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        // Spectre's progress display is synchronous; the upload runs on the thread pool while it draws.
        return ProgressDisplay.Run(stderr, "publishing " + sceneId,
            p => Task.Run(() => publisher.PublishAsync(processed, p, cancellationToken), cancellationToken).GetAwaiter().GetResult());
    }

    private static IConfigurationRoot Configuration(string dataDirectory) => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true, reloadOnChange: false)
        .AddJsonFile(Path.Combine(dataDirectory, "appsettings.json"), optional: true, reloadOnChange: false)
        .AddEnvironmentVariables()
        .Build();

    /// <summary>The configured URL, or null when none is set.</summary>
    private static Uri? HttpUrl(string option, string key, string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return null;
        }

        return Uri.TryCreate(configured, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new ArgumentException($"{option} / {key}: '{configured}' is not an absolute http(s) URL");
    }

    private static LayerDefinition[] ParseLayers(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            throw new ArgumentException("--layers: name at least one layer (true-color, false-color, band:N)");
        }

        try
        {
            var layers = parts.Select(LayerDefinition.Parse).ToArray();
            return layers.DistinctBy(l => l.Name).Count() == layers.Length ? layers : throw new ArgumentException($"--layers: '{text}' names a layer twice");
        }
        catch (FormatException ex)
        {
            throw new ArgumentException("--layers: " + ex.Message, ex);
        }
    }

}
