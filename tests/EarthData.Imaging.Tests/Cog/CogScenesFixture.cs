using EarthData.Samples;

namespace EarthData.Imaging.Tests.Cog;

/// <summary>Generates small scenes once for the COG tests: CBERS-4 MUX (Byte), CBERS-4A WFI (Int16) and CBERS-4A WPM.</summary>
public sealed class CogScenesFixture : IDisposable
{
    public CogScenesFixture()
    {
        Root = Directory.CreateTempSubdirectory("earthdata-cog-scenes-").FullName;
        Mux = SyntheticSceneGenerator.Generate(new SyntheticSceneOptions { OutputRoot = Root, Collection = "CBERS4-MUX", Scale = 0.05, Seed = 3 }).Scenes[0].Directory;
        Wfi = SyntheticSceneGenerator.Generate(new SyntheticSceneOptions
        {
            OutputRoot = Root, Collection = "CBERS4A-WFI", Scale = 0.03, Seed = 4, Path = 214, Row = 140, Date = new DateOnly(2023, 11, 2),
        }).Scenes[0].Directory;
        Wpm = SyntheticSceneGenerator.Generate(new SyntheticSceneOptions
        {
            OutputRoot = Root, Collection = "CBERS4A-WPM", Scale = 0.01, Seed = 5, Path = 205, Row = 130,
        }).Scenes[0].Directory;
    }

    public string Root { get; }

    /// <summary>Scene folder of a CBERS-4 MUX scene (bands 5–8, Byte).</summary>
    public string Mux { get; }

    /// <summary>Scene folder of a CBERS-4A WFI scene (bands 13–16, Int16 10-bit).</summary>
    public string Wfi { get; }

    /// <summary>Scene folder of a CBERS-4A WPM scene (pan band 0 without calibration, bands 1–4).</summary>
    public string Wpm { get; }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
