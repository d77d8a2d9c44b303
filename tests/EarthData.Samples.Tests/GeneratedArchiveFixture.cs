using EarthData.Samples.Synthesis;

namespace EarthData.Samples.Tests;

/// <summary>Generates a small archive once for the whole test class: one MUX scene, one WFI scene and a flood pair.</summary>
public sealed class GeneratedArchiveFixture : IDisposable
{
    public GeneratedArchiveFixture()
    {
        Root = Directory.CreateTempSubdirectory("earthdata-samples-").FullName;
        Mux = SyntheticSceneGenerator.Generate(new SyntheticSceneOptions { OutputRoot = Root, Collection = "CBERS4-MUX", Scale = 0.05, Seed = 3 });
        Wfi = SyntheticSceneGenerator.Generate(new SyntheticSceneOptions
        {
            OutputRoot = Root, Collection = "CBERS4A-WFI", Scale = 0.03, Seed = 4, Path = 214, Row = 140, Date = new DateOnly(2023, 11, 2),
        });
        Flood = SyntheticSceneGenerator.Generate(new SyntheticSceneOptions
        {
            OutputRoot = Root, Collection = "CBERS4-MUX", Scale = 0.05, Seed = 5, Path = 152, Row = 122, Scenario = ChangeScenario.Flood,
        });
    }

    public string Root { get; }

    public GeneratedSamples Mux { get; }

    public GeneratedSamples Wfi { get; }

    public GeneratedSamples Flood { get; }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
