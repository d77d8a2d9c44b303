namespace EarthData.Core.Catalog;

/// <summary><c>t_intersects(property, instant|interval)</c>: the property's instant lies in the interval (ends included).</summary>
/// <param name="Property">A timestamp property, normally <c>datetime</c>.</param>
/// <param name="Interval">Instant (start = end) or interval with open ends.</param>
public sealed record CqlTemporalIntersects(string Property, DatetimeInterval Interval) : CqlExpression;
