using EarthData.Core.Scenes;
using EarthData.Samples.Synthesis;

namespace EarthData.Samples;

/// <summary>What <see cref="SyntheticSceneGenerator"/> writes: one scene, or a before/after pair for a scenario.</summary>
public sealed record SyntheticSceneOptions
{
    /// <summary>Archive root the scenes are written under (<c>CBERS4[A]/{CAMERA}/{PPP}/{RRR}/{SCENE_ID}/</c>).</summary>
    public required string OutputRoot { get; init; }

    /// <summary>STAC collection id of the camera, e.g. <c>CBERS4-MUX</c> or <c>CBERS4A-WFI</c>.</summary>
    public string Collection { get; init; } = "CBERS4-MUX";

    /// <summary>Acquisition date (the "after" date of a scenario pair).</summary>
    public DateOnly Date { get; init; } = new(2024, 3, 10);

    /// <summary>Path on the satellite's grid.</summary>
    public int Path { get; init; } = 151;

    /// <summary>Row on the satellite's grid.</summary>
    public int Row { get; init; } = 121;

    /// <summary>Linear size factor: 1 writes full-size scenes, 0.05 a 20× coarser grid over the same ground.</summary>
    public double Scale { get; init; } = 0.1;

    /// <summary>Seed: the same options and seed always give the same bytes.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Change between a before and an after scene; <see cref="ChangeScenario.None"/> writes one scene.</summary>
    public ChangeScenario Scenario { get; init; } = ChangeScenario.None;

    /// <summary>
    /// Seasons of history written before the pair, one a year earlier each on the same day of year, each with its own
    /// vegetation vigour (see <see cref="SyntheticSceneGenerator.HistoryVigour"/>): the archive a drought baseline
    /// (NDVI climatology → VCI) is built from. 0 writes none.
    /// </summary>
    public int HistorySeasons { get; init; }

    /// <summary>The camera the collection names.</summary>
    public CameraSpec Camera => CameraCatalog.ForCollection(Collection);

    /// <summary>Checks every option and throws <see cref="ArgumentException"/> naming the first bad one.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(OutputRoot))
        {
            throw new ArgumentException("--out: an output directory is required", nameof(OutputRoot));
        }

        if (!CameraCatalog.TryForCollection(Collection, out _))
        {
            throw new ArgumentException($"--camera: unknown camera '{Collection}'; known: {string.Join(", ", CameraCatalog.CollectionIds)}", nameof(Collection));
        }

        if (Path is < 1 or > 999 || Row is < 1 or > 999)
        {
            throw new ArgumentException($"--path/--row: {Path}/{Row} is outside 1–999", nameof(Path));
        }

        if (HistorySeasons is < 0 or > SyntheticSceneGenerator.MaxHistorySeasons)
        {
            throw new ArgumentException($"--history: {HistorySeasons} must be in 0–{SyntheticSceneGenerator.MaxHistorySeasons}", nameof(HistorySeasons));
        }

        if (!(Scale > 0 && Scale <= 1))
        {
            throw new ArgumentException($"--scale: {Scale} must be in (0, 1]", nameof(Scale));
        }
    }
}
