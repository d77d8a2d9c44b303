namespace EarthData.Core.Catalog;

/// <summary>Sort order of a search field.</summary>
public enum SortDirection
{
    /// <summary>Smallest first.</summary>
    Ascending,

    /// <summary>Largest first.</summary>
    Descending,
}
