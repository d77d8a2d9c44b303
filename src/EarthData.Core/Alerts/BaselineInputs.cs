using System.Security.Cryptography;
using System.Text;
using EarthData.Core.Scenes;

namespace EarthData.Core.Alerts;

/// <summary>
/// What a baseline is built from: its kind, footprint, the scenes (oldest first) and, for a seasonal climatology, the
/// day-of-year window. Equal inputs are the same baseline (see <see cref="Key"/>), so storing them twice makes one
/// version. Immutable.
/// </summary>
public sealed record BaselineInputs
{
    /// <summary>Creates the inputs; the scenes are sorted by acquisition date, then id.</summary>
    /// <exception cref="ArgumentException">An unknown kind, no scenes, or a scene of another footprint.</exception>
    public BaselineInputs(string kind, BaselineFootprint footprint, IEnumerable<SceneId> scenes, DayOfYearWindow? season = null)
    {
        ArgumentNullException.ThrowIfNull(footprint);
        ArgumentNullException.ThrowIfNull(scenes);
        if (!BaselineKinds.IsKnown(kind))
        {
            throw new ArgumentException($"unknown baseline kind '{kind}'; known: {string.Join(", ", BaselineKinds.All)}", nameof(kind));
        }

        List<SceneId> sorted = [.. scenes.OrderBy(s => s.AcquisitionDate).ThenBy(s => s.ToString(), StringComparer.Ordinal)];
        if (sorted.Count == 0)
        {
            throw new ArgumentException("a baseline is built from at least one scene", nameof(scenes));
        }

        if (sorted.FirstOrDefault(s => BaselineFootprint.Of(s) != footprint) is { } stranger)
        {
            throw new ArgumentException($"scene {stranger} is not of footprint {footprint}", nameof(scenes));
        }

        (Kind, Footprint, Scenes, Season) = (kind, footprint, sorted, season);
        Key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{kind}|{footprint}|{season?.ToString() ?? "-"}|{string.Join(',', sorted.Select(s => s.ToString()))}")));
    }

    /// <summary>One of <see cref="BaselineKinds.All"/>.</summary>
    public string Kind { get; }

    /// <summary>The footprint.</summary>
    public BaselineFootprint Footprint { get; }

    /// <summary>The scenes, oldest first.</summary>
    public IReadOnlyList<SceneId> Scenes { get; }

    /// <summary>The day-of-year window of a seasonal climatology, or null.</summary>
    public DayOfYearWindow? Season { get; }

    /// <summary>SHA-256 (lower-case hex) of kind, footprint, season and scenes: equal inputs, equal key.</summary>
    public string Key { get; }
}
