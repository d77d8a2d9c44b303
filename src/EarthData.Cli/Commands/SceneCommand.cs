using System.CommandLine;
using System.Text.Json;
using EarthData.Core.Metadata;
using EarthData.Core.Scenes;

namespace EarthData.Cli.Commands;

/// <summary><c>earthdata scene inspect</c>: the parsed scene as JSON.</summary>
internal static class SceneCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var target = new Argument<string>("path") { Description = "An INPE band XML file or a scene folder in the archive layout" };
        var inspect = new Command("inspect", "Print a scene's metadata as JSON: id, collection, datetime, EPSG, bbox, footprint, bands, sun angles, calibration")
        {
            target,
        };
        inspect.SetAction((parse, ct) => CommandRunner.RunAsync(async token =>
        {
            var scene = Load(parse.GetValue(target)!);
            await stdout.WriteLineAsync(JsonSerializer.Serialize(SceneSummary.From(scene), Json).AsMemory(), token).ConfigureAwait(false);
            return 0;
        }, stderr, ct));
        return new Command("scene", "Inspect CBERS scenes") { inspect };
    }

    private static SceneMetadata Load(string path)
    {
        if (Directory.Exists(path))
        {
            var files = ArchiveLayout.Locate(path);
            return SceneMetadata.Read(files);
        }

        if (File.Exists(path))
        {
            return SceneMetadata.From(InpeMetadataReader.ReadFile(path));
        }

        throw new FileNotFoundException($"'{path}' is neither a scene folder nor an XML file");
    }
}
