namespace EarthData.Core.Catalog;

/// <summary>A page of scene records, oldest first (by creation time, then id) unless <see cref="NewestFirst"/>, optionally filtered.</summary>
public sealed record SceneRecordQuery
{
    /// <summary>The largest page size.</summary>
    public const int MaxLimit = 1000;

    /// <summary>Only records in this state.</summary>
    public SceneState? State { get; init; }

    /// <summary>Only records of this collection.</summary>
    public string? Collection { get; init; }

    /// <summary>Page size, 1–<see cref="MaxLimit"/>; default 100.</summary>
    public int Limit { get; init; } = 100;

    /// <summary>
    /// Newest first (creation time, then id, both descending) instead of oldest first. A token continues the order of
    /// the listing that made it, so pass the same value on every page.
    /// </summary>
    public bool NewestFirst { get; init; }

    /// <summary>The <see cref="SceneRecordPage.NextToken"/> of the previous page.</summary>
    public string? Token { get; init; }
}
