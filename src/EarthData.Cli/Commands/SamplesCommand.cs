using System.CommandLine;
using System.Globalization;
using EarthData.Core.Scenes;
using EarthData.Samples;
using EarthData.Samples.Synthesis;

namespace EarthData.Cli.Commands;

/// <summary><c>earthdata samples generate</c>: synthetic CBERS scenes in the archive layout.</summary>
internal static class SamplesCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var output = new Option<string>("--out") { Description = "Archive root to write scenes under", Required = true };
        var camera = new Option<string>("--camera") { Description = $"Camera collection: {string.Join(", ", CameraCatalog.CollectionIds)}", DefaultValueFactory = _ => "CBERS4-MUX" };
        var date = new Option<string>("--date") { Description = "Acquisition date (yyyy-MM-dd); the 'after' date of a scenario", DefaultValueFactory = _ => "2024-03-10" };
        var path = new Option<int>("--path") { Description = "Path on the satellite's grid", DefaultValueFactory = _ => 151 };
        var row = new Option<int>("--row") { Description = "Row on the satellite's grid", DefaultValueFactory = _ => 121 };
        var scale = new Option<double>("--scale") { Description = "Grid size factor: 1 = full size, 0.05 for tests", DefaultValueFactory = _ => 0.1 };
        var seed = new Option<int>("--seed") { Description = "Random seed (same seed, same bytes)", DefaultValueFactory = _ => 1 };
        var scenario = new Option<ChangeScenario>("--scenario") { Description = "none, or a before/after pair with a truth mask: flood, drought, burn", DefaultValueFactory = _ => ChangeScenario.None };
        var history = new Option<int>("--history") { Description = "Seasons of history before the pair (same day of year, varying vegetation vigour): the archive a drought baseline needs", DefaultValueFactory = _ => 0 };

        var generate = new Command("generate", "Write synthetic CBERS scenes (per-band GeoTIFF + INPE XML) in the public archive layout")
        {
            output, camera, date, path, row, scale, seed, scenario, history,
        };
        generate.SetAction((parse, ct) => CommandRunner.RunAsync(_ =>
        {
            var options = new SyntheticSceneOptions
            {
                OutputRoot = parse.GetValue(output)!,
                Collection = parse.GetValue(camera)!,
                Date = ParseDate(parse.GetValue(date)!),
                Path = parse.GetValue(path),
                Row = parse.GetValue(row),
                Scale = parse.GetValue(scale),
                Seed = parse.GetValue(seed),
                Scenario = parse.GetValue(scenario),
                HistorySeasons = parse.GetValue(history),
            };
            var result = ProgressDisplay.Run(stderr, "generating scenes", p => SyntheticSceneGenerator.Generate(options, p, ct));
            foreach (var scene in result.Scenes)
            {
                stdout.WriteLine($"{scene.Id}  {scene.Directory}  valid {scene.ValidPixelFraction.ToString("P0", CultureInfo.InvariantCulture)}");
            }

            if (result.TruthMaskPath is not null)
            {
                stdout.WriteLine($"truth mask  {result.TruthMaskPath}  ({result.ChangedPixels.ToString(CultureInfo.InvariantCulture)} changed pixels)");
            }

            return Task.FromResult(0);
        }, stderr, ct));

        return new Command("samples", "Synthetic sample data") { generate };
    }

    private static DateOnly ParseDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? value
            : throw new ArgumentException($"--date: '{text}' is not a date (yyyy-MM-dd)");
}
