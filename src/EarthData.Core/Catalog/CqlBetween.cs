namespace EarthData.Core.Catalog;

/// <summary><c>Low &lt;= property &lt;= High</c>.</summary>
/// <param name="Property">Item property.</param>
/// <param name="Low">Lower bound (inclusive).</param>
/// <param name="High">Upper bound (inclusive).</param>
public sealed record CqlBetween(string Property, CqlLiteral Low, CqlLiteral High) : CqlExpression;
