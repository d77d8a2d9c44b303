using EarthData.Core.Catalog;
using EarthData.Samples;
using EarthData.Storage.Catalog;

namespace EarthData.Cli.Tests;

public sealed class IngestAndWorkerCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("earthdata-ingestcli-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Ingest_SceneIdInTheDropFolder_Embedded_RunsTheStagesHereAndEndsPublished()
    {
        var data = Path.Combine(_root, "data");
        var scene = SyntheticSceneGenerator.Generate(new SyntheticSceneOptions
        {
            OutputRoot = Path.Combine(data, "drop"), Collection = "CBERS4-MUX", Scale = 0.03, Seed = 12,
        }).Scenes[0];

        var run = await CliRun.Of("ingest", scene.Id.ToString(), "--wait", "--data", data);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.EndsWith($"{scene.Id}: Published", run.Stdout.TrimEnd(), StringComparison.Ordinal);
        var catalog = new SqliteCatalogStore(Path.Combine(data, "catalog.db"));
        Assert.Equal(SceneState.Published, (await catalog.GetSceneRecordAsync(scene.Id.ToString()))!.State);
    }

    [Fact]
    public async Task Ingest_CorruptScene_ExitsOneWithTheRejectionOnOneLine()
    {
        var data = Path.Combine(_root, "data");
        var scene = SyntheticSceneGenerator.Generate(new SyntheticSceneOptions
        {
            OutputRoot = Path.Combine(data, "drop"), Collection = "CBERS4-MUX", Scale = 0.03, Seed = 13,
        }).Scenes[0];
        await File.WriteAllTextAsync(Directory.GetFiles(scene.Directory, "*_BAND5.tif").Single(), "not a tiff");

        var run = await CliRun.Of("ingest", scene.Directory, "--wait", "--data", data);

        Assert.Equal(1, run.ExitCode);
        var last = run.Stderr.TrimEnd().Split('\n')[^1];
        Assert.StartsWith($"error: {scene.Id} Rejected: ingest: ", last, StringComparison.Ordinal);
        Assert.Contains("BAND5.tif", last, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_UnknownSceneId_FailsWithOneLine()
    {
        var run = await CliRun.Of("ingest", "CBERS_4_MUX_20170528_090_084_L2", "--data", Path.Combine(_root, "data"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("is in none of the sources", run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Worker_WithTheEmbeddedInMemoryJobStorage_RefusesWithOneLineNamingTheSetting()
    {
        var run = await CliRun.Of("worker", "--data", Path.Combine(_root, "data"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("EarthData__Jobs__Storage=PostgreSql", run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Worker_UnknownQueue_FailsNamingTheOption()
    {
        var run = await CliRun.Of("worker", "--queues", "ingest,holidays", "--data", Path.Combine(_root, "data"));

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("error: --queues: 'holidays'", run.Stderr, StringComparison.Ordinal);
    }
}
