namespace EarthData.Core.Catalog;

/// <summary>
/// The documented bounds of an item search. Each keeps the cost of one request proportional to its answer: a search that
/// exceeds one is refused with an <see cref="InvalidQueryException"/> naming the parameter and the bound (a 400 in the
/// API), never truncated silently. The README's limits table lists the same numbers.
/// </summary>
public static class SearchLimits
{
    /// <summary>Most entries of <c>ids</c>.</summary>
    public const int MaxIds = 1_000;

    /// <summary>Most entries of <c>collections</c>.</summary>
    public const int MaxCollections = 100;

    /// <summary>Most characters of one id or collection id.</summary>
    public const int MaxIdLength = 256;

    /// <summary>Most <c>sortby</c> fields (the keyset condition grows with the square of the sort length).</summary>
    public const int MaxSortFields = 8;

    /// <summary>Most entries of <c>fields</c> include plus exclude.</summary>
    public const int MaxFields = 100;

    /// <summary>Most characters of one property path or name (<c>fields</c>, <c>sortby</c>, CQL2 properties).</summary>
    public const int MaxPropertyLength = 256;

    /// <summary>Most positions of an <c>intersects</c> geometry, and of all CQL2 geometry literals of a filter together.</summary>
    public const int MaxGeometryPositions = 10_000;

    /// <summary>Most nodes of a CQL2 filter (operators, properties and literals, <c>in</c> list values included).</summary>
    public const int MaxFilterNodes = 500;

    /// <summary>Most arguments of one CQL2 <c>and</c> / <c>or</c>.</summary>
    public const int MaxLogicalArgs = 100;

    /// <summary>Most values of one CQL2 <c>in</c> list.</summary>
    public const int MaxInValues = 100;

    /// <summary>Deepest nesting of CQL2 operators.</summary>
    public const int MaxFilterDepth = 32;

    /// <summary>Most characters of a CQL2 <c>like</c> pattern or string literal.</summary>
    public const int MaxTextLiteralLength = 256;

    /// <summary>Most characters of a paging <c>token</c> (tokens this catalogue issues are far shorter).</summary>
    public const int MaxTokenLength = 4_096;
}
