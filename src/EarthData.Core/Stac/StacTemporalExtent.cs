using System.Text.Json.Serialization;

namespace EarthData.Core.Stac;

/// <summary>Temporal extent: <c>[[start, end], …]</c> as RFC 3339 UTC strings, null for an open end; the overall interval first.</summary>
/// <param name="Interval">The intervals.</param>
public sealed record StacTemporalExtent([property: JsonPropertyName("interval")] IReadOnlyList<IReadOnlyList<string?>> Interval);
