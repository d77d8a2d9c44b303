using EarthData.Alerts.Events;
using EarthData.Alerts.Hazards;
using EarthData.Alerts.Webhooks;
using EarthData.Core.Alerts;
using EarthData.Core.Scenes;

namespace EarthData.Jobs.Alerts;

/// <summary>
/// Evaluates the hazards of every subscription whose area overlaps a newly published scene, and issues and delivers the
/// resulting messages — the service the <c>alerts</c> queue's job calls after each publish. For each subscription and
/// hazard: the inputs (VCI against the NDVI climatology of earlier seasons; new water against the reference water of
/// earlier scenes; the burn index against the previous pass), restricted to the subscription's area and to clear
/// pixels, go through <see cref="HazardRules"/>, then the <see cref="EventTracker"/> (state in the
/// <see cref="IAlertStore"/>), then the <see cref="AlertDispatcher"/>. Idempotent: evaluating the same scene again
/// issues no message and sends no webhook. Related scenes are found in the archive by collection, path and row. Every
/// baseline a hazard compares with is stored (COG, then its record: the next version of its footprint and kind) in the
/// <see cref="IBaselineStore"/> before a message cites it by id and version; the same inputs find the stored version.
/// </summary>
public sealed class AlertEvaluator(IAlertStore alerts, ISubscriptionStore subscriptions, HazardThresholds thresholds, AlertDispatcher dispatcher, TimeProvider clock,
    IBaselineStore baselines)
{
    /// <summary>Latest previous pass used as "before" (flood reference, burn pre-event), days.</summary>
    public const int BeforeWindowDays = 120;

    /// <summary>Day-of-year window of the seasons a climatology draws on, ± days.</summary>
    public const int SeasonWindowDays = 30;

    private readonly HazardRules _rules = new(thresholds);
    private readonly EventTracker _tracker = new(thresholds, clock);

    /// <summary>Evaluates scene <paramref name="sceneId"/> of the archive under <paramref name="archiveRoot"/>.</summary>
    public async Task<IReadOnlyList<EvaluationOutcome>> EvaluateAsync(string archiveRoot, SceneId sceneId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sceneId);
        var all = await subscriptions.ListAsync(cancellationToken).ConfigureAwait(false);
        if (all.Count == 0)
        {
            return [];
        }

        var after = SceneReflectance.Read(ArchiveLayout.SceneDirectory(archiveRoot, sceneId), cancellationToken);
        var interested = all.Where(s => s.Envelope.Intersects(after.Metadata.Envelope)).ToList();
        if (interested.Count == 0)
        {
            return [];
        }

        var earlier = ArchiveLayout.Discover(archiveRoot)
            .Where(id => id.CollectionId == sceneId.CollectionId && id.Path == sceneId.Path && id.Row == sceneId.Row && id.Level == sceneId.Level
                && id.AcquisitionDate < sceneId.AcquisitionDate)
            .OrderBy(id => id.AcquisitionDate).ToList();
        var beforeId = earlier.LastOrDefault(id => sceneId.AcquisitionDate.DayNumber - id.AcquisitionDate.DayNumber <= BeforeWindowDays);
        var season = new DayOfYearWindow(sceneId.AcquisitionDate.DayOfYear, SeasonWindowDays);
        var seasons = earlier.Where(id => sceneId.AcquisitionDate.DayNumber - id.AcquisitionDate.DayNumber > 300 && season.Contains(id.AcquisitionDate)).ToList();
        var before = beforeId is null ? null : SceneReflectance.Read(ArchiveLayout.SceneDirectory(archiveRoot, beforeId), cancellationToken);
        var history = seasons.Select(id => SceneReflectance.Read(ArchiveLayout.SceneDirectory(archiveRoot, id), cancellationToken)).ToList();
        var footprint = BaselineFootprint.Of(sceneId).ToString();
        using var grid = new SceneGrid(after.Width, after.Height, after.GeoTransform, after.Metadata.Epsg);
        var inputs = new HazardInputs(after, before, history, thresholds.MinimumBaselineSeasons, season);
        var stored = new Dictionary<string, BaselineRecord>(StringComparer.Ordinal);

        var outcomes = new List<EvaluationOutcome>();
        foreach (var subscription in interested)
        {
            var aoi = grid.Rasterize(subscription.Area);
            foreach (var hazard in subscription.Hazards)
            {
                var (values, draft, note) = inputs.For(hazard);
                if (values is null)
                {
                    outcomes.Add(new EvaluationOutcome(subscription.Id, hazard, null, null, note));
                    continue;
                }

                var baseline = await StoreAsync(draft!, grid, inputs.After.Metadata.Epsg, stored, cancellationToken).ConfigureAwait(false);
                outcomes.Add(await EvaluateAsync(subscription, hazard, aoi, values, BaselineReference.Of(baseline), inputs, grid, footprint, cancellationToken)
                    .ConfigureAwait(false));
            }
        }

        return outcomes;
    }

    // The record of the draft's inputs: found, or stored now (COG first); once per evaluation.
    private async Task<BaselineRecord> StoreAsync(BaselineDraft draft, SceneGrid grid, int epsg, Dictionary<string, BaselineRecord> stored, CancellationToken cancellationToken)
    {
        if (!stored.TryGetValue(draft.Inputs.Key, out var record))
        {
            record = await baselines.FindAsync(draft.Inputs, cancellationToken).ConfigureAwait(false)
                ?? await baselines.SaveAsync(draft.Inputs, BaselineCog.Write(grid, epsg, draft.Layers), cancellationToken).ConfigureAwait(false);
            stored[draft.Inputs.Key] = record;
        }

        return record;
    }

    private async Task<EvaluationOutcome> EvaluateAsync(Subscription subscription, Hazard hazard, byte[] aoi, float[] values, BaselineReference baseline,
        HazardInputs inputs, SceneGrid grid, string footprint, CancellationToken cancellationToken)
    {

        var restricted = new float[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            restricted[i] = aoi[i] != 0 ? values[i] : float.NaN;
        }

        var hazardGrid = new HazardGrid(grid.Width, grid.Height, grid.PixelAreaKm2);
        var finding = hazard switch
        {
            Hazard.Drought => _rules.Drought(restricted, hazardGrid),
            Hazard.Flood => _rules.Flood(restricted, inputs.ReferenceWater!, hazardGrid),
            _ => _rules.Burn(restricted, hazardGrid),
        };
        var ratio = hazard switch
        {
            Hazard.Drought => finding.AffectedFraction / thresholds.DroughtAffectedShare,
            Hazard.Flood => finding.AreaKm2 / thresholds.FloodMinimumAreaKm2,
            _ => finding.AreaKm2 / thresholds.BurnMinimumAreaKm2,
        };

        var areaKey = $"{footprint}/{subscription.Id}";
        var state = await alerts.GetStateAsync(areaKey, hazard, cancellationToken).ConfigureAwait(false)
            ?? new EventState { Hazard = hazard, Footprint = areaKey };
        var sceneId = inputs.After.Metadata.Id.ToString();
        if (state.LastSceneId == sceneId)
        {
            // A re-run (Hangfire's retry after the webhook hand-off failed, a recovery): hand the event's latest message
            // over again; its delivery claim keeps that to one webhook.
            if (state.Issued.Count > 0 && await alerts.GetAsync(state.Issued[^1].Identifier, cancellationToken).ConfigureAwait(false) is { } latest)
            {
                await dispatcher.DispatchAsync(subscription, latest, cancellationToken).ConfigureAwait(false);
            }

            return new EvaluationOutcome(subscription.Id, hazard, finding, null, "scene already evaluated");
        }

        var area = finding.AffectedPixels > 0 ? grid.Polygonize(finding.Mask, finding.AreaKm2, cancellationToken) : new AffectedArea([], 0);
        var observed = new DateTimeOffset(DateTime.SpecifyKind(inputs.After.Metadata.Datetime, DateTimeKind.Utc));
        var (next, message) = _tracker.Observe(state, finding, new Observation(sceneId, observed, ratio), area, baseline);
        if (message is not null)
        {
            message = message with { Footprint = footprint };
        }

        await alerts.SaveAsync(next, message, cancellationToken).ConfigureAwait(false);
        if (message is not null)
        {
            await dispatcher.DispatchAsync(subscription, message, cancellationToken).ConfigureAwait(false);
        }

        return new EvaluationOutcome(subscription.Id, hazard, finding, message, null);
    }
}
