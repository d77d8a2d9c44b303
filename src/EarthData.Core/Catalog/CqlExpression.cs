namespace EarthData.Core.Catalog;

/// <summary>A node of a CQL2 filter (the JSON encoding's abstract syntax). Parse with <see cref="Cql2JsonParser"/>.</summary>
public abstract record CqlExpression;
