namespace EarthData.Core.Alerts;

/// <summary>
/// One stored version of a per-footprint baseline (NDVI climatology for VCI, reference water for new water): which
/// scenes built it, and where its COG lies in the object store. Immutable; a new scene in the archive makes a new version.
/// </summary>
public sealed record BaselineRecord
{
    /// <summary>The id, <c>{kind}-{collection}-{path}-{row}.v{version}</c> (what alert messages cite).</summary>
    public required string Id { get; init; }

    /// <summary><c>ndvi</c> (bands: low, high percentile) or <c>water</c> (band: 1 water, 0 land, 255 unknown).</summary>
    public required string Kind { get; init; }

    /// <summary>The footprint, <c>{collection}/{path}/{row}</c>.</summary>
    public required string Footprint { get; init; }

    /// <summary>The version: the number of scenes it was built from.</summary>
    public required int Version { get; init; }

    /// <summary>The scenes it was built from, oldest first.</summary>
    public required IReadOnlyList<string> Scenes { get; init; }

    /// <summary>Object key of the COG.</summary>
    public required string CogKey { get; init; }

    /// <summary>When it was built, UTC.</summary>
    public required DateTimeOffset Created { get; init; }
}
