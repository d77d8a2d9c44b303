namespace EarthData.Core.Alerts;

/// <summary>Filters of a baseline listing; null fields do not filter.</summary>
public sealed record BaselineQuery
{
    /// <summary>Most a listing returns.</summary>
    public const int MaxLimit = 1000;

    /// <summary>Only this footprint.</summary>
    public BaselineFootprint? Footprint { get; init; }

    /// <summary>Only this kind (one of <see cref="BaselineKinds.All"/>).</summary>
    public string? Kind { get; init; }

    /// <summary>At most this many (1–<see cref="MaxLimit"/>), ordered by footprint, kind, then newest version first.</summary>
    public int Limit { get; init; } = 100;
}
