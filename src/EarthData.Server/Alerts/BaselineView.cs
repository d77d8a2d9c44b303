using EarthData.Core.Alerts;
using EarthData.Server.Http;

namespace EarthData.Server.Alerts;

/// <summary>A stored baseline version as the JSON API shows it, with its COG as an absolute href.</summary>
public sealed record BaselineView(
    string Id, string Kind, string Footprint, int Version, int SceneCount, IReadOnlyList<string> Scenes, DateOnly FirstAcquired, DateOnly LastAcquired,
    int? SeasonDayOfYear, int? SeasonHalfWidthDays, string CogKey, DateTimeOffset Created, IReadOnlyDictionary<string, string> Links)
{
    /// <summary>The view of <paramref name="record"/>.</summary>
    public static BaselineView Of(BaselineRecord record, PublicUrls urls)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(urls);
        return new BaselineView(
            record.Id, record.Kind, record.Footprint, record.Version, record.Scenes.Count, record.Scenes, record.FirstAcquired, record.LastAcquired,
            record.Season?.Center, record.Season?.HalfWidthDays, record.CogKey, record.Created,
            new Dictionary<string, string>
            {
                ["self"] = urls.Url("/api/baselines/" + Uri.EscapeDataString(record.Id)),
                ["cog"] = urls.ObjectHref(record.CogKey),
            });
    }
}
