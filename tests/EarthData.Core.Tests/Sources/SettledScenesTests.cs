using EarthData.Core.Scenes;
using EarthData.Core.Sources;

namespace EarthData.Core.Tests.Sources;

public sealed class SettledScenesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);
    private static readonly SceneId Mux = SceneId.Parse("CBERS_4_MUX_20240310_151_121_L2");
    private static readonly SceneId Wfi = SceneId.Parse("CBERS_4A_WFI_20231102_214_140_L4");
    private static readonly SceneId Awfi = SceneId.Parse("CBERS_4_AWFI_20240310_151_121_L2");

    [Fact]
    public void Select_CompleteSettledScenes_OldestFirstAndOnlyAfterTheWatermark()
    {
        var candidates = new[] { Candidate(Mux, T0.AddSeconds(2)), Candidate(Wfi, T0), Candidate(Awfi, T0.AddSeconds(1)) };

        var all = SettledScenes.Select(candidates, null, T0.AddMinutes(1));
        var after = SettledScenes.Select(candidates, all[0].Watermark, T0.AddMinutes(1));

        Assert.Equal([Wfi, Awfi, Mux], all.Select(s => s.Id));
        Assert.Equal([Awfi, Mux], after.Select(s => s.Id));
        Assert.Equal("20261204T120000.0000000Z|" + Wfi, all[0].Watermark);
    }

    [Fact]
    public void Select_SameTime_OrdersById()
    {
        var found = SettledScenes.Select([Candidate(Mux, T0), Candidate(Wfi, T0)], null, T0.AddMinutes(1));

        Assert.Equal([Wfi, Mux], found.Select(s => s.Id));
    }

    [Fact]
    public void Select_IncompleteOrUnsettledScene_HoldsBackEveryLaterScene()
    {
        var incomplete = SettledScenes.Select([Candidate(Wfi, T0), Candidate(Awfi, T0.AddSeconds(1), complete: false), Candidate(Mux, T0.AddSeconds(2))], null, T0.AddMinutes(1));
        var unsettled = SettledScenes.Select([Candidate(Wfi, T0), Candidate(Mux, T0.AddSeconds(30))], null, T0.AddSeconds(10));

        Assert.Equal([Wfi], incomplete.Select(s => s.Id));
        Assert.Equal([Wfi], unsettled.Select(s => s.Id));
    }

    [Fact]
    public void Missing_SingleSceneXml_IsCompleteAndAMissingBandIsNamed()
    {
        var tifs = CameraCatalog.Get(Mux).Bands.Select(b => Mux.BandFileName(b.Number, "tif")).ToList();

        var single = ArchiveLayout.Missing(Mux, new HashSet<string>([.. tifs, Mux.BandFileName(7, "xml")]));
        var lacking = ArchiveLayout.Missing(Mux, new HashSet<string>(tifs.Skip(1)));

        Assert.Empty(single);
        Assert.Equal(2, lacking.Count);
        Assert.Equal(tifs[0], lacking[0]);
        Assert.StartsWith("an INPE XML (", lacking[1], StringComparison.Ordinal);
        Assert.Equal(2 * tifs.Count, ArchiveLayout.FileNames(Mux).Count);
    }

    private static SceneCandidate Candidate(SceneId id, DateTimeOffset newest, bool complete = true) => new(id, "/archive/" + id, newest, complete);
}
