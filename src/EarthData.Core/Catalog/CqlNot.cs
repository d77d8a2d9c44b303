namespace EarthData.Core.Catalog;

/// <summary>The argument does not hold (unknown stays unknown).</summary>
/// <param name="Arg">The operand.</param>
public sealed record CqlNot(CqlExpression Arg) : CqlExpression;
