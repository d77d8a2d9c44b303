using EarthData.Alerts.Hazards;
using EarthData.Core.Alerts;

namespace EarthData.Jobs.Alerts;

/// <summary>
/// The per-pixel inputs of each hazard for one scene, computed once and shared by every subscription: VCI (NaN where
/// the climatology lacks seasons or the pixel is not clear), NDWI with the reference water, and the burn index
/// (<see cref="VnirBurnIndex"/>: no CBERS camera in the archive has SWIR for dNBR).
/// </summary>
internal sealed class HazardInputs(SceneReflectance after, SceneReflectance? before, IReadOnlyList<SceneReflectance> history, int minimumSeasons, string footprint)
{
    private (float[]?, string?, string?)? _drought;
    private (float[]?, string?, string?)? _flood;
    private (float[]?, string?, string?)? _burn;

    public SceneReflectance After => after;

    public byte[]? ReferenceWater { get; private set; }

    /// <summary>The baselines computed so far: id, kind, the scenes they were built from and their layers.</summary>
    public List<(string Id, string Kind, IReadOnlyList<string> Scenes, IReadOnlyList<(string Name, float[] Values)> Layers)> Built { get; } = [];

    /// <summary>The values a hazard's rule reads, the baseline they were measured against, or why there are none.</summary>
    public (float[]? Values, string? BaselineId, string? Note) For(Hazard hazard) => hazard switch
    {
        Hazard.Drought => _drought ??= Drought(),
        Hazard.Flood => _flood ??= Flood(),
        _ => _burn ??= Burn(),
    };

    private (float[]?, string?, string?) Drought()
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
        var id = Baselines.Id("ndvi", footprint, history.Count);
        Built.Add((id, "ndvi", [.. history.Select(h => h.Metadata.Id.ToString())], [("ndvi_p5", low), ("ndvi_p95", high)]));
        return (vci, id, null);
    }

    private (float[]?, string?, string?) Flood()
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

        var id = Baselines.Id("water", footprint, observations.Count);
        var water = ReferenceWater.Select(w => w == Baselines.Unknown ? float.NaN : w).ToArray();
        Built.Add((id, "water", [.. observations.Select(o => o.Metadata.Id.ToString())], [("reference_water", water)]));
        return (ndwi, id, null);
    }

    private (float[]?, string?, string?) Burn()
    {
        if (before is null)
        {
            return (null, null, "burn not evaluated: no pre-event scene of the footprint");
        }

        var n = after.Width * after.Height;
        var index = new float[n];
        VnirBurnIndex.Compute(before.Nir, after.Blue, after.Green, after.Red, after.Nir, index);
        for (var i = 0; i < n; i++)
        {
            // Shadow is excluded only on the pre-event pass: burnt ground next to a cloud looks like shadow afterwards.
            if (!before.IsClear(i) || after.Mask[i] is Imaging.Masks.CloudShadowMask.Cloud or Imaging.Masks.CloudShadowMask.NoData)
            {
                index[i] = float.NaN;
            }
        }

        return (index, Baselines.Id("prefire", footprint, 1), null);
    }
}
