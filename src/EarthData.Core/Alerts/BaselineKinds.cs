namespace EarthData.Core.Alerts;

/// <summary>The kinds of per-footprint baseline (the first part of a baseline id and the <c>kind</c> of its record).</summary>
public static class BaselineKinds
{
    /// <summary>NDVI climatology of a day-of-year window (bands: 5th and 95th percentile) — what VCI compares with.</summary>
    public const string NdviClimatology = "ndvi";

    /// <summary>Reference water mask (band: 1 water, 0 land, NaN unknown) — what new water (flood) compares with.</summary>
    public const string ReferenceWater = "water";

    /// <summary>Pre-event pass (band: NIR reflectance of the clear pixels) — what the burn index compares with.</summary>
    public const string PreEvent = "prefire";

    /// <summary>Every kind.</summary>
    public static IReadOnlyList<string> All { get; } = [NdviClimatology, ReferenceWater, PreEvent];

    /// <summary>Whether <paramref name="kind"/> is one of <see cref="All"/> (ordinal).</summary>
    public static bool IsKnown(string? kind) => kind is NdviClimatology or ReferenceWater or PreEvent;
}
