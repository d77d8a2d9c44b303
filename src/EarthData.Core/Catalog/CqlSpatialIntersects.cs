using EarthData.Core.Stac;

namespace EarthData.Core.Catalog;

/// <summary><c>s_intersects(geometry, literal)</c>: the item geometry intersects the literal geometry.</summary>
/// <param name="Property">Always <c>geometry</c>.</param>
/// <param name="Geometry">Literal geometry (a CQL2 <c>bbox</c> literal becomes a polygon).</param>
public sealed record CqlSpatialIntersects(string Property, GeoJsonGeometry Geometry) : CqlExpression;
