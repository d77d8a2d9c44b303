namespace EarthData.Core.Catalog;

/// <summary>Case-sensitive pattern match of a string property: <c>%</c> any run, <c>_</c> one character, <c>\</c> escapes.</summary>
/// <param name="Property">Item property.</param>
/// <param name="Pattern">Pattern.</param>
public sealed record CqlLike(string Property, string Pattern) : CqlExpression;
