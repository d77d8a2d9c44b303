namespace EarthData.Core.Catalog;

/// <summary>The property equals one of the literals.</summary>
/// <param name="Property">Item property.</param>
/// <param name="Values">Literals (at least one).</param>
public sealed record CqlIn(string Property, IReadOnlyList<CqlLiteral> Values) : CqlExpression;
