namespace EarthData.Core.Catalog;

/// <summary>At least one argument holds.</summary>
/// <param name="Args">Two or more operands.</param>
public sealed record CqlOr(IReadOnlyList<CqlExpression> Args) : CqlExpression;
