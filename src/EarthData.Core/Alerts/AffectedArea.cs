using EarthData.Core.Geometry;

namespace EarthData.Core.Alerts;

/// <summary>
/// Where a hazard was found: polygons in WGS 84 (lon/lat, closed rings, exterior first) and the affected area.
/// </summary>
/// <param name="Polygons">The affected-area polygons; each a list of rings, the first exterior.</param>
/// <param name="AreaKm2">Affected area, km² (from the pixels, not the simplified polygons).</param>
public sealed record AffectedArea(IReadOnlyList<IReadOnlyList<IReadOnlyList<GeoPoint>>> Polygons, double AreaKm2);
