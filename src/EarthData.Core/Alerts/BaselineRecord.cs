namespace EarthData.Core.Alerts;

/// <summary>
/// One stored version of a per-footprint baseline (NDVI climatology for VCI, reference water for new water, pre-event
/// pass for the burn index): what it was built from and where its COG lies in the object store. Immutable; new
/// inputs for the same footprint and kind (a scene arrived) make the next version.
/// </summary>
public sealed record BaselineRecord
{
    /// <summary>The id, <c>{kind}-{collection}-{path}-{row}.v{version}</c> (what alert messages cite).</summary>
    public required string Id { get; init; }

    /// <summary>One of <see cref="BaselineKinds.All"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>The footprint, <c>{collection}/{path}/{row}</c>.</summary>
    public required string Footprint { get; init; }

    /// <summary>The version: 1 for the first baseline of this footprint and kind, +1 for each new set of inputs.</summary>
    public required int Version { get; init; }

    /// <summary>The scenes it was built from, oldest first.</summary>
    public required IReadOnlyList<string> Scenes { get; init; }

    /// <summary>Acquisition date of the oldest scene.</summary>
    public required DateOnly FirstAcquired { get; init; }

    /// <summary>Acquisition date of the newest scene.</summary>
    public required DateOnly LastAcquired { get; init; }

    /// <summary>The day-of-year window of a seasonal climatology; null for the other kinds.</summary>
    public DayOfYearWindow? Season { get; init; }

    /// <summary>Object key of the COG (written before this record, which is the commit point).</summary>
    public required string CogKey { get; init; }

    /// <summary><see cref="BaselineInputs.Key"/> of the inputs: the same inputs are never stored as a second version.</summary>
    public required string InputsKey { get; init; }

    /// <summary>When it was stored, UTC.</summary>
    public required DateTimeOffset Created { get; init; }

    /// <summary>The id of version <paramref name="version"/> of <paramref name="kind"/> on <paramref name="footprint"/>, e.g. <c>ndvi-CBERS4-MUX-151-121.v5</c>.</summary>
    public static string IdOf(string kind, BaselineFootprint footprint, int version)
    {
        ArgumentNullException.ThrowIfNull(footprint);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{kind}-{footprint.Collection}-{footprint.Path:D3}-{footprint.Row:D3}.v{version}");
    }
}
