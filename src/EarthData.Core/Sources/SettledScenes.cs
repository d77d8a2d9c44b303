using System.Globalization;

namespace EarthData.Core.Sources;

/// <summary>
/// Discovery over listed files (folders, blob containers): a scene's watermark is its newest file's time and its id,
/// and only complete scenes unchanged for a settle time are handed over, oldest first, never past a scene still being
/// written (it is taken on a later round, so the watermark never skips it).
/// </summary>
public static class SettledScenes
{
    /// <summary>The watermark of a scene whose newest file was written at <paramref name="newest"/>: ordinal text that grows with time.</summary>
    public static string Mark(DateTimeOffset newest, string sceneId) =>
        newest.UtcDateTime.ToString("yyyyMMdd'T'HHmmss.fffffff'Z'", CultureInfo.InvariantCulture) + "|" + sceneId;

    /// <summary>
    /// The candidates after <paramref name="watermark"/> to hand over now, oldest first: complete, written before
    /// <paramref name="settledBefore"/>, and older than every unsettled or incomplete candidate after the watermark.
    /// </summary>
    public static IReadOnlyList<DiscoveredScene> Select(IEnumerable<SceneCandidate> candidates, string? watermark, DateTimeOffset settledBefore)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var found = new List<DiscoveredScene>();
        string? unsettled = null;
        foreach (var candidate in candidates)
        {
            var mark = Mark(candidate.Newest, candidate.Id.ToString());
            if (watermark is not null && string.CompareOrdinal(mark, watermark) <= 0)
            {
                continue;
            }

            if (candidate.Newest > settledBefore || !candidate.Complete)
            {
                unsettled = unsettled is null || string.CompareOrdinal(mark, unsettled) < 0 ? mark : unsettled;
                continue;
            }

            found.Add(new DiscoveredScene(candidate.Id, candidate.Location, mark));
        }

        found.Sort((a, b) => string.CompareOrdinal(a.Watermark, b.Watermark));
        return unsettled is null ? found : [.. found.TakeWhile(s => string.CompareOrdinal(s.Watermark, unsettled) < 0)];
    }
}
