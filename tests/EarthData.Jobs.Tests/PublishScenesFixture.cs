using EarthData.Jobs.Pipeline;
using EarthData.Samples;

namespace EarthData.Jobs.Tests;

/// <summary>Generates a CBERS-4 MUX (Byte) and a CBERS-4A WFI (Int16) scene once and processes them into a staging folder.</summary>
public sealed class PublishScenesFixture : IDisposable
{
    public PublishScenesFixture()
    {
        Root = Directory.CreateTempSubdirectory("earthdata-jobs-").FullName;
        var archive = Path.Combine(Root, "archive");
        MuxDirectory = SyntheticSceneGenerator.Generate(new SyntheticSceneOptions { OutputRoot = archive, Collection = "CBERS4-MUX", Scale = 0.03, Seed = 3 }).Scenes[0].Directory;
        WfiDirectory = SyntheticSceneGenerator.Generate(new SyntheticSceneOptions
        {
            OutputRoot = archive, Collection = "CBERS4A-WFI", Scale = 0.03, Seed = 4, Path = 214, Row = 140, Date = new DateOnly(2023, 11, 2),
        }).Scenes[0].Directory;
        Processor = new SceneProcessor(Path.Combine(Root, "staging"));
        Mux = Processor.Process(MuxDirectory, Options);
        Wfi = Processor.Process(WfiDirectory, Options);
    }

    /// <summary>Two threads: the machine is shared.</summary>
    public static SceneProcessingOptions Options { get; } = new() { Threads = 2 };

    public string Root { get; }

    public string MuxDirectory { get; }

    public string WfiDirectory { get; }

    public SceneProcessor Processor { get; }

    public ProcessedScene Mux { get; }

    public ProcessedScene Wfi { get; }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

[CollectionDefinition(Name)]
public sealed class PublishTestGroup : ICollectionFixture<PublishScenesFixture>
{
    /// <summary>GDAL config and the shared scenes: one non-parallel collection.</summary>
    public const string Name = "publish";
}
