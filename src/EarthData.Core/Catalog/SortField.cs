namespace EarthData.Core.Catalog;

/// <summary>One <c>sortby</c> entry of a search.</summary>
/// <param name="Field"><c>datetime</c>, <c>id</c>, <c>collection</c>, or an item property name (a <c>properties.</c> prefix is accepted).</param>
/// <param name="Direction">Order.</param>
public sealed record SortField(string Field, SortDirection Direction = SortDirection.Ascending)
{
    /// <summary>The field without a <c>properties.</c> prefix.</summary>
    public string Name => Field.StartsWith("properties.", StringComparison.Ordinal) ? Field["properties.".Length..] : Field;
}
