using EarthData.Alerts.Hazards;
using EarthData.Core.Alerts;

namespace EarthData.Jobs.Alerts;

/// <summary>
/// The per-pixel inputs of each hazard for one scene, computed once and shared by every subscription: VCI (NaN where
/// the climatology lacks seasons or the pixel is not clear), NDWI with the reference water, and the burn index
/// (<see cref="VnirBurnIndex"/>: no CBERS camera in the archive has SWIR for dNBR), each with the baseline it
/// compares with as a draft the evaluator stores (or finds stored) before it cites it.
/// </summary>
internal sealed class HazardInputs(SceneReflectance after, SceneReflectance? before, IReadOnlyList<SceneReflectance> history, int minimumSeasons,
    DayOfYearWindow season)
{
    private readonly BaselineFootprint _footprint = BaselineFootprint.Of(after.Metadata.Id);
    private (float[]?, BaselineDraft?, string?)? _drought;
    private (float[]?, BaselineDraft?, string?)? _flood;
    private (float[]?, BaselineDraft?, string?)? _burn;

    public SceneReflectance After => after;

    public byte[]? ReferenceWater { get; private set; }

    /// <summary>The values a hazard's rule reads, the baseline they are measured against (to be stored), or why there are none.</summary>
    public (float[]? Values, BaselineDraft? Baseline, string? Note) For(Hazard hazard) => hazard switch
    {
        Hazard.Drought => _drought ??= Drought(),
        Hazard.Flood => _flood ??= Flood(),
        _ => _burn ??= Burn(),
    };

    private (float[]?, BaselineDraft?, string?) Drought()
    {
        if (history.Count < minimumSeasons)
        {
            return (null, null, $"drought not evaluated: the baseline needs {minimumSeasons} seasons of history and the archive has {history.Count}");
        }

        var (low, high) = Baselines.NdviClimatology(history, minimumSeasons);
        var n = after.Width * after.Height;
        var ndvi = new float[n];
        for (var i = 0; i < n; i++)
        {
            ndvi[i] = after.IsClear(i) ? (after.Nir[i] - after.Red[i]) / (after.Nir[i] + after.Red[i]) : float.NaN;
        }

        var vci = new float[n];
        VegetationCondition.Compute(ndvi, low, high, vci);
        var inputs = new BaselineInputs(BaselineKinds.NdviClimatology, _footprint, history.Select(h => h.Metadata.Id), season);
        return (vci, new BaselineDraft(inputs, [("ndvi_p5", low), ("ndvi_p95", high)]), null);
    }

    private (float[]?, BaselineDraft?, string?) Flood()
    {
        List<SceneReflectance> observations = [.. history];
        if (before is not null)
        {
            observations.Add(before);
        }

        if (observations.Count == 0)
        {
            return (null, null, "flood not evaluated: no earlier scene of the footprint for a reference water mask");
        }

        ReferenceWater = Baselines.ReferenceWater(observations);
        var n = after.Width * after.Height;
        var ndwi = new float[n];
        for (var i = 0; i < n; i++)
        {
            ndwi[i] = after.IsClear(i) ? (after.Green[i] - after.Nir[i]) / (after.Green[i] + after.Nir[i]) : float.NaN;
        }

        var water = ReferenceWater.Select(w => w == Baselines.Unknown ? float.NaN : w).ToArray();
        var inputs = new BaselineInputs(BaselineKinds.ReferenceWater, _footprint, observations.Select(o => o.Metadata.Id));
        return (ndwi, new BaselineDraft(inputs, [("reference_water", water)]), null);
    }

    private (float[]?, BaselineDraft?, string?) Burn()
    {
        if (before is null)
        {
            return (null, null, "burn not evaluated: no pre-event scene of the footprint");
        }

        var n = after.Width * after.Height;
        var index = new float[n];
        var preNir = new float[n];
        VnirBurnIndex.Compute(before.Nir, after.Blue, after.Green, after.Red, after.Nir, index);
        for (var i = 0; i < n; i++)
        {
            preNir[i] = before.IsClear(i) ? before.Nir[i] : float.NaN;

            // Shadow is excluded only on the pre-event pass: burnt ground next to a cloud looks like shadow afterwards.
            if (!before.IsClear(i) || after.Mask[i] is Imaging.Masks.CloudShadowMask.Cloud or Imaging.Masks.CloudShadowMask.NoData)
            {
                index[i] = float.NaN;
            }
        }

        var inputs = new BaselineInputs(BaselineKinds.PreEvent, _footprint, [before.Metadata.Id]);
        return (index, new BaselineDraft(inputs, [("pre_nir", preNir)]), null);
    }
}
