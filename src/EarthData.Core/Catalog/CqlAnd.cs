namespace EarthData.Core.Catalog;

/// <summary>All arguments hold.</summary>
/// <param name="Args">Two or more operands.</param>
public sealed record CqlAnd(IReadOnlyList<CqlExpression> Args) : CqlExpression;
