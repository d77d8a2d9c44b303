using EarthData.Alerts.Cap;
using EarthData.Alerts.Webhooks;
using EarthData.Core.Alerts;
using EarthData.Samples.Synthesis;
using EarthData.Testing;
using Xunit.Abstractions;

namespace EarthData.Jobs.Tests.Alerts;

/// <summary>
/// The proof on generated scenarios: each before/after pair raises the right hazard with the right severity,
/// its area within ±15 % of the generator's truth, polygons overlapping the truth (IoU ≥ 0.7 on the grid), a CAP
/// document valid against the OASIS XSD, a webhook whose signature the receiver verifies; the control raises nothing;
/// a re-run raises and sends nothing new.
/// </summary>
public class AlertScenarioTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(ChangeScenario.Flood, 0, 21, Hazard.Flood)]
    [InlineData(ChangeScenario.Drought, 5, 22, Hazard.Drought)]
    [InlineData(ChangeScenario.Burn, 0, 23, Hazard.Burn)]
    public async Task Evaluate_RaisesTheScenariosHazard_MatchingTheTruth(ChangeScenario kind, int history, int seed, Hazard hazard)
    {
        using var scenario = new AlertScenario(kind, history, seed);
        await scenario.SubscribeAsync();

        var outcomes = await scenario.Evaluator.EvaluateAsync(scenario.Archive, scenario.After, CancellationToken.None);

        var raised = outcomes.Where(o => o.Message is not null).ToList();
        var outcome = Assert.Single(raised);
        Assert.Equal(hazard, outcome.Hazard);
        Assert.Equal(AlertMessageType.Alert, outcome.Message!.MessageType);
        var truth = scenario.Truth!;
        var mask = outcome.Finding!.Mask;
        long both = 0, either = 0, truthPixels = 0, detectedKnown = 0;
        for (var i = 0; i < truth.Length; i++)
        {
            if (truth[i] == 255)
            {
                continue;
            }

            var (t, d) = (truth[i] == 1, mask[i] != 0);
            both += t && d ? 1 : 0;
            either += t || d ? 1 : 0;
            truthPixels += t ? 1 : 0;
            detectedKnown += d ? 1 : 0;
        }

        var iou = both / (double)either;
        var areaRatio = detectedKnown / (double)truthPixels;
        output.WriteLine($"{kind}: IoU {iou:0.000}, area {detectedKnown * scenario.PixelAreaKm2:0.0} km² vs truth {truthPixels * scenario.PixelAreaKm2:0.0} km² (ratio {areaRatio:0.000}), severity {outcome.Message!.Severity}, {outcome.Message.Area.Polygons.Count} polygons");
        Assert.True(iou >= 0.7, $"IoU {iou:0.000} < 0.7");
        Assert.InRange(areaRatio, 0.85, 1.15);
        Assert.Equal(ExpectedSeverity(kind, truthPixels * scenario.PixelAreaKm2), outcome.Message.Severity);
        Assert.NotEmpty(outcome.Message.Area.Polygons);

        var cap = new CapWriter("earthdata@example.org", null).Write(outcome.Message);
        Assert.Empty(CapSchema.Validate(cap));
        Assert.Empty(CapConformance.Check(cap));

        var request = Assert.Single(scenario.Receiver.Requests);
        var signer = new WebhookSigner(AlertScenario.Secret);
        Assert.True(signer.Verify(request.Headers["webhook-id"], request.Headers["webhook-timestamp"], request.Body, request.Headers["webhook-signature"], DateTimeOffset.UtcNow));
        Assert.Contains($"\"hazard\":\"{hazard.ToString().ToLowerInvariant()}\"", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_RaisesNothing_OnTheControl()
    {
        using var scenario = new AlertScenario(ChangeScenario.None, 4, 24);
        await scenario.SubscribeAsync();

        var outcomes = await scenario.Evaluator.EvaluateAsync(scenario.Archive, scenario.After, CancellationToken.None);

        Assert.Equal(3, outcomes.Count);
        Assert.All(outcomes, o => Assert.Null(o.Message));
        Assert.All(outcomes, o => Assert.NotNull(o.Finding)); // every hazard was evaluated, none raised
        Assert.Empty(scenario.Receiver.Requests);
    }

    [Fact]
    public async Task Evaluate_IsIdempotent_ForTheSameScene()
    {
        using var scenario = new AlertScenario(ChangeScenario.Flood, 0, 21);
        await scenario.SubscribeAsync();
        await scenario.Evaluator.EvaluateAsync(scenario.Archive, scenario.After, CancellationToken.None);

        var again = await scenario.Evaluator.EvaluateAsync(scenario.Archive, scenario.After, CancellationToken.None);

        Assert.All(again, o => Assert.Null(o.Message));
        Assert.Single(scenario.Receiver.Requests);
        Assert.Single(await scenario.Store.ListAsync(new AlertQuery(), CancellationToken.None));
    }

    [Fact]
    public async Task Evaluate_SaysWhy_WhenTheDroughtBaselineLacksHistory()
    {
        using var scenario = new AlertScenario(ChangeScenario.Drought, 1, 22);
        await scenario.SubscribeAsync();

        var outcomes = await scenario.Evaluator.EvaluateAsync(scenario.Archive, scenario.After, CancellationToken.None);

        var drought = Assert.Single(outcomes, o => o.Hazard == Hazard.Drought);
        Assert.Null(drought.Finding);
        Assert.Contains("needs 3 seasons", drought.Note, StringComparison.Ordinal);
        Assert.Empty(await scenario.Baselines.ListAsync(new BaselineQuery { Kind = BaselineKinds.NdviClimatology }, CancellationToken.None));
        Assert.DoesNotContain(await scenario.Store.ListAsync(new AlertQuery(), CancellationToken.None),
            m => m.BaselineId?.StartsWith(BaselineKinds.NdviClimatology + "-", StringComparison.Ordinal) == true);
    }

    // Flood grades by area (Moderate from 1 km², Severe from 10, Extreme from 100); the drought's stressed vegetation
    // (NDVI ≈ 0.29 against a 0.7–0.8 climatology) sits at VCI 0, Extreme; burnt vegetation (index 0.67) and soil (0.56)
    // fall in the two upper dNBR classes, and vegetation dominates the generator's landscape.
    private static AlertSeverity ExpectedSeverity(ChangeScenario kind, double truthKm2) => kind switch
    {
        ChangeScenario.Flood => truthKm2 >= 100 ? AlertSeverity.Extreme : truthKm2 >= 10 ? AlertSeverity.Severe : AlertSeverity.Moderate,
        ChangeScenario.Drought => AlertSeverity.Extreme,
        _ => AlertSeverity.Extreme,
    };
}
