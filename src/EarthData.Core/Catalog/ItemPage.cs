using EarthData.Core.Stac;

namespace EarthData.Core.Catalog;

/// <summary>One page of search results.</summary>
/// <param name="Items">The items, in sort order.</param>
/// <param name="NumberMatched">How many items match the whole search, when counted.</param>
/// <param name="NextToken">Opaque token of the next page, or null on the last page.</param>
public sealed record ItemPage(IReadOnlyList<StacItem> Items, long? NumberMatched, string? NextToken);
