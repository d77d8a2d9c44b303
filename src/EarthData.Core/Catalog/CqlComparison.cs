namespace EarthData.Core.Catalog;

/// <summary>A property compared with a literal: <c>property op value</c>.</summary>
/// <param name="Property">Item property (<c>datetime</c>, <c>id</c>, <c>collection</c> or a <c>properties</c> member).</param>
/// <param name="Operator">Comparison.</param>
/// <param name="Value">Literal.</param>
public sealed record CqlComparison(string Property, CqlOperator Operator, CqlLiteral Value) : CqlExpression;
