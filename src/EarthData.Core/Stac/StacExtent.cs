using System.Text.Json.Serialization;

namespace EarthData.Core.Stac;

/// <summary>The spatial and temporal extent of a collection.</summary>
/// <param name="Spatial">Bounding boxes: the overall box first.</param>
/// <param name="Temporal">Intervals: the overall interval first.</param>
public sealed record StacExtent(
    [property: JsonPropertyName("spatial")] StacSpatialExtent Spatial,
    [property: JsonPropertyName("temporal")] StacTemporalExtent Temporal);
