namespace EarthData.Core.Catalog;

/// <summary>A page of scene records, oldest first (by creation time, then id), optionally filtered.</summary>
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

    /// <summary>The <see cref="SceneRecordPage.NextToken"/> of the previous page.</summary>
    public string? Token { get; init; }
}
