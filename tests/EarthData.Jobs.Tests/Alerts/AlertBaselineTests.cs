using System.Xml.Linq;
using EarthData.Alerts.Cap;
using EarthData.Core.Alerts;
using EarthData.Gdal;
using EarthData.Samples.Synthesis;
using EarthData.Testing;

namespace EarthData.Jobs.Tests.Alerts;

/// <summary>
/// Baselines as the evaluator stores and cites them: versioned per footprint and kind as scenes arrive, each record
/// pointing at its COG in the object store, each message naming the baseline (id and version) it compared with.
/// </summary>
public class AlertBaselineTests
{
    private static readonly XNamespace Cap = "urn:oasis:names:tc:emergency:cap:1.2";

    [Fact]
    public async Task Evaluate_StoresANewBaselineVersion_AsEachSceneArrives_AndNoneWhenASceneIsEvaluatedAgain()
    {
        using var scenario = new AlertScenario(ChangeScenario.Drought, 4, 25);
        await scenario.SubscribeAsync();
        var before = scenario.Generated.Scenes[^2].Id;

        await scenario.Evaluator.EvaluateAsync(scenario.Archive, before, CancellationToken.None);
        var afterFirst = await Water(scenario);
        await scenario.Evaluator.EvaluateAsync(scenario.Archive, scenario.After, CancellationToken.None);
        await scenario.Evaluator.EvaluateAsync(scenario.Archive, scenario.After, CancellationToken.None);
        var afterSecond = await Water(scenario);

        var v1 = Assert.Single(afterFirst);
        Assert.Equal((1, "water-CBERS4-MUX-151-121.v1", 4), (v1.Version, v1.Id, v1.Scenes.Count)); // the four seasons
        Assert.Equal([2, 1], afterSecond.Select(r => r.Version));
        var v2 = afterSecond[0];
        Assert.Equal([.. v1.Scenes, before.ToString()], v2.Scenes); // ... and the pass before
        Assert.Equal((v1.FirstAcquired, before.AcquisitionDate), (v2.FirstAcquired, v2.LastAcquired));
        Assert.NotEqual(v1.CogKey, v2.CogKey);
        Assert.Equivalent(v1, await scenario.Baselines.GetAsync(v1.Id, CancellationToken.None), strict: true);
        var all = await scenario.Baselines.ListAsync(new BaselineQuery { Footprint = new BaselineFootprint("CBERS4-MUX", 151, 121) }, CancellationToken.None);
        Assert.Equal(["ndvi.v2", "ndvi.v1", "prefire.v1", "water.v2", "water.v1"], all.Select(r => $"{r.Kind}.v{r.Version}"));
    }

    [Fact]
    public async Task BaselineRecord_PointsAtItsCogInTheObjectStore()
    {
        using var scenario = new AlertScenario(ChangeScenario.Drought, 4, 25);
        await scenario.SubscribeAsync();

        await scenario.Evaluator.EvaluateAsync(scenario.Archive, scenario.After, CancellationToken.None);

        var records = await scenario.Baselines.ListAsync(new BaselineQuery(), CancellationToken.None);
        Assert.Equal(3, records.Count);
        foreach (var record in records)
        {
            Assert.True(await scenario.Objects.ExistsAsync(record.CogKey, CancellationToken.None), record.CogKey);
            Assert.StartsWith("baselines/CBERS4-MUX/151/121/", record.CogKey, StringComparison.Ordinal);
            using var cog = GdalDataset.Open(scenario.Objects.LocalPath(record.CogKey)!);
            Assert.Equal((scenario.Width, scenario.Height), (cog.Width, cog.Height));
            string[] bands = record.Kind switch
            {
                BaselineKinds.NdviClimatology => ["ndvi_p5", "ndvi_p95"],
                BaselineKinds.ReferenceWater => ["reference_water"],
                _ => ["pre_nir"],
            };
            Assert.Equal(bands, Enumerable.Range(1, cog.BandCount).Select(b => cog.GetBand(b).Description));
        }
    }

    [Fact]
    public async Task Alert_NamesTheStoredBaselineItWasEvaluatedAgainst_InTheMessageAndItsCap()
    {
        using var scenario = new AlertScenario(ChangeScenario.Drought, 4, 25);
        await scenario.SubscribeAsync();

        var outcomes = await scenario.Evaluator.EvaluateAsync(scenario.Archive, scenario.After, CancellationToken.None);

        var drought = Assert.Single(outcomes, o => o.Hazard == Hazard.Drought).Message!;
        Assert.Equal(("ndvi-CBERS4-MUX-151-121.v1", 1), (drought.BaselineId, drought.BaselineVersion));
        var record = (await scenario.Baselines.GetAsync(drought.BaselineId!, CancellationToken.None))!;
        Assert.Equal((BaselineKinds.NdviClimatology, "CBERS4-MUX/151/121", 4), (record.Kind, record.Footprint, record.Scenes.Count));
        Assert.Equal(new DayOfYearWindow(scenario.After.AcquisitionDate.DayOfYear, 30), record.Season);
        var stored = (await scenario.Store.GetAsync(drought.Id, CancellationToken.None))!;
        Assert.Equal((drought.BaselineId, drought.BaselineVersion), (stored.BaselineId, stored.BaselineVersion));

        var cap = new CapWriter("earthdata@example.org", null).Write(drought);
        Assert.Empty(CapSchema.Validate(cap));
        Assert.Empty(CapConformance.Check(cap));
        var parameters = cap.Descendants(Cap + "info").First().Elements(Cap + "parameter").ToDictionary(p => p.Element(Cap + "valueName")!.Value, p => p.Element(Cap + "value")!.Value);
        Assert.Equal(("ndvi-CBERS4-MUX-151-121.v1", "1"), (parameters["EarthData:baseline"], parameters["EarthData:baselineVersion"]));
    }

    private static async Task<IReadOnlyList<BaselineRecord>> Water(AlertScenario scenario) =>
        await scenario.Baselines.ListAsync(new BaselineQuery { Kind = BaselineKinds.ReferenceWater }, CancellationToken.None);
}
