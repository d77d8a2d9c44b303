using System.CommandLine;
using EarthData.Core.Catalog;
using EarthData.Core.Scenes;
using EarthData.Imaging.Layers;
using EarthData.Jobs.Pipeline;
using EarthData.Jobs.Sources;
using EarthData.Server.Composition;
using Microsoft.Extensions.DependencyInjection;

namespace EarthData.Cli.Commands;

/// <summary>
/// <c>earthdata publish</c>: one scene folder through the whole pipeline in this process — ingest, process, tile,
/// publish — with the same scene-state service, stages and leases as the workers (<see cref="InlinePipeline"/>).
/// A published scene is re-published (forced).
/// </summary>
/// <remarks>
/// Settings come from <c>./appsettings.json</c>, then <c>{data}/appsettings.json</c>, then environment variables
/// (<c>EarthData__Objects__Provider</c>, <c>EarthData__Catalog__ConnectionString</c>, <c>EarthData__PublicUrl</c> …),
/// later sources winning; <c>--public-url</c> and <c>--public-objects-url</c> win over all. The catalogue stores object
/// keys whatever these say; they only give the static root catalog its absolute <c>self</c> link.
/// </remarks>
internal static class PublishCommand
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
        var command = new Command("publish", "Run one scene through the pipeline in this process (COG, tiles, thumbnail, objects, then the STAC item)")
        {
            scene, data, layers, zoom, publicUrl, publicObjectsUrl, threads,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async token =>
        {
            var directory = parse.GetValue(scene)!;
            var overrides = Overrides(parse.GetValue(layers)!, parse.GetValue(zoom), parse.GetValue(publicUrl), parse.GetValue(publicObjectsUrl), parse.GetValue(threads));
            if (!Directory.Exists(directory))
            {
                throw new DirectoryNotFoundException($"'{directory}' is not a folder");
            }

            var files = ArchiveLayout.Locate(directory);
            using var host = EarthDataHost.Build(DataDirectory.Resolve(parse.GetValue(data)), EarthDataRole.Client, overrides);
            await host.StartAsync(token).ConfigureAwait(false);
            NativeMemoryLimits.Apply(NativeMemoryLimits.ProcessingCacheBytes);
            var record = await RunAsync(host.Services, files.Directory, force: true, stderr, token).ConfigureAwait(false);
            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
            if (record.State != SceneState.Published)
            {
                throw new InvalidOperationException($"{record.SceneId} {record.State}: {record.Reason}");
            }

            await stdout.WriteLineAsync($"published {record.SceneId}: STAC item {PublishedObjectKeys.StacItem(record.Collection!, record.SceneId)}").ConfigureAwait(false);
            return 0;
        }, stderr, ct));
        return command;
    }

    /// <summary>
    /// Queues the scene at <paramref name="source"/> and runs it through the pipeline in this process; a folder outside
    /// the configured sources is added as a source for this run. Returns the final record.
    /// </summary>
    internal static async Task<SceneRecord> RunAsync(IServiceProvider services, string source, bool force, TextWriter stderr, CancellationToken cancellationToken)
    {
        var inline = new InlinePipeline(services);
        AllowLocalFolder(services.GetRequiredService<SceneSources>(), source);
        var outcome = await inline.Intake.QueueAsync(source, force, cancellationToken).ConfigureAwait(false);
        if (!outcome.Accepted && SceneStages.StageOf(outcome.Record.State) is { } stage)
        {
            // Already on its way: run its current stage here too; the stage's lease lets only one runner do the work.
            inline.Scheduler.Enqueue(stage, outcome.Record.SceneId);
        }

        var work = inline.RunAsync(cancellationToken);
        return await SceneWatch.UntilFinalAsync(inline.State, outcome.Record.SceneId, stderr, work, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds the parent of a local scene folder as a source when no configured source holds it.</summary>
    internal static void AllowLocalFolder(SceneSources sources, string source)
    {
        if (!Directory.Exists(source) || sources.All.Any(s => s.TryResolve(source, out _, out _)))
        {
            return;
        }

        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(source));
        sources.Add(new ArchiveFolderSource(Path.GetDirectoryName(full)!));
    }

    private static Dictionary<string, string?> Overrides(string layers, string? zoom, string? publicUrl, string? publicObjectsUrl, int threads)
    {
        if (threads is < 1 or > 256)
        {
            throw new ArgumentException($"--threads: {threads}: use 1-256");
        }

        var zoomRange = ZoomRange.Parse(zoom);
        _ = ParseLayers(layers);
        var overrides = new Dictionary<string, string?>
        {
            ["EarthData:Pipeline:Layers"] = layers,
            ["EarthData:Pipeline:Threads"] = threads.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["EarthData:Pipeline:MinZoom"] = zoomRange?.Min.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["EarthData:Pipeline:MaxZoom"] = zoomRange?.Max.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        overrides[PublishOptions.PublicUrlKey] = HttpUrl("--public-url", publicUrl);
        overrides[PublishOptions.PublicObjectsUrlKey] = HttpUrl("--public-objects-url", publicObjectsUrl);
        return overrides;
    }

    /// <summary>The option's URL, checked to be absolute http(s); null when not given.</summary>
    private static string? HttpUrl(string option, string? url) =>
        url is null || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            ? url
            : throw new ArgumentException($"{option}: '{url}' is not an absolute http(s) URL");

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
