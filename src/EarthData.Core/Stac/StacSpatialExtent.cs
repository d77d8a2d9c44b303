using System.Text.Json.Serialization;

namespace EarthData.Core.Stac;

/// <summary>Spatial extent: <c>[[west, south, east, north], …]</c> in degrees, the overall box first.</summary>
/// <param name="Bbox">The boxes.</param>
public sealed record StacSpatialExtent([property: JsonPropertyName("bbox")] IReadOnlyList<IReadOnlyList<double>> Bbox);
