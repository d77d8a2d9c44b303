using System.Diagnostics;
using System.Text.Json;
using EarthData.Core.Catalog;
using EarthData.Core.Geometry;
using EarthData.Core.Stac;
using Xunit.Abstractions;

namespace EarthData.Storage.Tests.Catalog;

/// <summary>The behaviour every <see cref="ICatalogStore"/> must show; one subclass per store runs it against a real database.</summary>
public abstract partial class CatalogStoreConformanceTests(ITestOutputHelper output) : IAsyncLifetime
{
    private ICatalogStore? _store;

    protected ICatalogStore Store => _store ?? throw new InvalidOperationException("The store is not initialised.");

    protected abstract Task<ICatalogStore> CreateStoreAsync();

    protected abstract Task DropStoreAsync();

    public async Task InitializeAsync()
    {
        _store = await CreateStoreAsync();
        await _store.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        if (_store is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }

        await DropStoreAsync();
    }

    private async Task<List<string>> Ids(ItemSearch search) => [.. (await Store.SearchAsync(search)).Items.Select(i => i.Id)];

    private static ItemSearch Filter(string json) => new() { Filter = Cql2JsonParser.Parse(json), Limit = 100, SortBy = [new SortField("id")] };

    private async Task SeedFiveAsync() => await Store.UpsertItemsAsync(
    [
        TestItems.Item("a", datetime: TestItems.Epoch, lon: 0, cloud: 5, path: 90, note: "alpha"),
        TestItems.Item("b", datetime: TestItems.Epoch.AddDays(1), lon: 10, cloud: 15, path: 91, note: "Beta"),
        TestItems.Item("c", datetime: TestItems.Epoch.AddDays(2), lon: 20, cloud: 25, path: 92),
        TestItems.Item("d", "CBERS4A-WFI", TestItems.Epoch.AddDays(3), lon: 30, cloud: 35, path: 93, note: "delta"),
        TestItems.Item("e", "CBERS4A-WFI", TestItems.Epoch.AddDays(4), lon: 40, path: 94, note: "100%"),
    ]);

    [Fact]
    public async Task Migrate_Twice_KeepsData()
    {
        await Store.UpsertItemAsync(TestItems.Item("a"));

        await Store.MigrateAsync();

        Assert.NotNull(await Store.GetItemAsync("CBERS4-MUX", "a"));
    }

    [Fact]
    public async Task UpsertItem_ThenGet_ReturnsSameItem()
    {
        var item = TestItems.Item("a", cloud: 12.5);

        await Store.UpsertItemAsync(item);
        var back = await Store.GetItemAsync("CBERS4-MUX", "a");

        Assert.NotNull(back);
        Assert.Equal(item.Id, back.Id);
        Assert.Equal(12.5, back.Properties["eo:cloud_cover"].GetDouble());
        Assert.Equal(item.Datetime, back.Datetime);
        Assert.Equal(item.Bbox, back.Bbox);
        Assert.Equal("https://example.org/a.png", back.Assets["thumbnail"].Href);
    }

    [Fact]
    public async Task UpsertItem_SameSceneTwice_ReplacesWithoutDuplicate()
    {
        await Store.UpsertItemAsync(TestItems.Item("a", cloud: 10));
        await Store.UpsertItemAsync(TestItems.Item("a", cloud: 20, lon: 50));

        var page = await Store.SearchAsync(new ItemSearch { Ids = ["a"] });

        var item = Assert.Single(page.Items);
        Assert.Equal(1, page.NumberMatched);
        Assert.Equal(20, item.Properties["eo:cloud_cover"].GetDouble());
        Assert.Empty(await Ids(new ItemSearch { Bbox = new BoundingBox(-2, -2, 2, 2) }));
        Assert.Equal(["a"], await Ids(new ItemSearch { Bbox = new BoundingBox(49, -1, 51, 1) }));
    }

    [Fact]
    public async Task GetItem_Missing_ReturnsNull()
    {
        Assert.Null(await Store.GetItemAsync("CBERS4-MUX", "missing"));
        Assert.Null(await Store.GetCollectionAsync("missing"));
        Assert.Null(await Store.GetSceneRecordAsync("missing"));
    }

    [Fact]
    public async Task DeleteItem_RemovesItemAndItsIndexEntry()
    {
        await Store.UpsertItemAsync(TestItems.Item("a"));

        Assert.True(await Store.DeleteItemAsync("CBERS4-MUX", "a"));
        Assert.False(await Store.DeleteItemAsync("CBERS4-MUX", "a"));
        Assert.Null(await Store.GetItemAsync("CBERS4-MUX", "a"));
        Assert.Empty(await Ids(new ItemSearch { Bbox = new BoundingBox(-1, -1, 1, 1) }));
    }

    [Fact]
    public async Task Collections_UpsertReplaceAndList()
    {
        await Store.UpsertCollectionAsync(CbersCollectionBuilder.Build("CBERS4A-WPM"));
        await Store.UpsertCollectionAsync(CbersCollectionBuilder.Build("CBERS4-MUX"));
        await Store.UpsertCollectionAsync(CbersCollectionBuilder.Build("CBERS4-MUX", [TestItems.Item("a", lon: 5)]));

        var all = await Store.ListCollectionsAsync();

        Assert.Equal(["CBERS4-MUX", "CBERS4A-WPM"], all.Select(c => c.Id));
        var mux = await Store.GetCollectionAsync("CBERS4-MUX");
        Assert.Equal(4, mux!.Extent.Spatial.Bbox[0][0]);
        Assert.False(string.IsNullOrEmpty(mux.Description));
    }

    [Fact]
    public async Task Search_Bbox_ReturnsItemsWhoseFootprintIntersects()
    {
        await SeedFiveAsync();

        Assert.Equal(["b", "c"], await Ids(new ItemSearch { Bbox = new BoundingBox(9.5, -0.5, 20.5, 0.5), SortBy = [new SortField("id")] }));
        // Touches the bbox corner of 'a' (a diamond) but not its footprint.
        Assert.Empty(await Ids(new ItemSearch { Bbox = new BoundingBox(0.8, 0.8, 2, 2) }));
    }

    [Fact]
    public async Task Search_Intersects_TriangleOverlappingBboxButNotFootprint_IsExcluded()
    {
        await SeedFiveAsync();
        var cornerTriangle = TestItems.Polygon((0.7, 0.7), (1.5, 0.7), (0.7, 1.5));
        var crossingTriangle = TestItems.Polygon((0.2, 0.2), (1.5, 0.2), (0.2, 1.5));

        Assert.Empty(await Ids(new ItemSearch { Intersects = cornerTriangle }));
        Assert.Equal(["a"], await Ids(new ItemSearch { Intersects = crossingTriangle }));
        Assert.Equal(["c"], await Ids(new ItemSearch { Intersects = TestItems.Point(20.1, 0.1) }));
    }

    [Fact]
    public async Task Search_DatetimeInstant_MatchesExactly()
    {
        await SeedFiveAsync();

        Assert.Equal(["c"], await Ids(new ItemSearch { Datetime = DatetimeInterval.Parse("2020-01-03T00:00:00Z") }));
    }

    [Fact]
    public async Task Search_DatetimeInterval_IncludesEnds()
    {
        await SeedFiveAsync();

        var ids = await Ids(new ItemSearch { Datetime = DatetimeInterval.Parse("2020-01-02T00:00:00Z/2020-01-04T00:00:00Z"), SortBy = [new SortField("id")] });

        Assert.Equal(["b", "c", "d"], ids);
    }

    [Fact]
    public async Task Search_DatetimeOpenEnds()
    {
        await SeedFiveAsync();

        Assert.Equal(["d", "e"], await Ids(new ItemSearch { Datetime = DatetimeInterval.Parse("2020-01-04T00:00:00Z/.."), SortBy = [new SortField("id")] }));
        Assert.Equal(["a", "b"], await Ids(new ItemSearch { Datetime = DatetimeInterval.Parse("../2020-01-02T00:00:00Z"), SortBy = [new SortField("id")] }));
    }

    [Fact]
    public async Task Search_IdsAndCollections()
    {
        await SeedFiveAsync();

        Assert.Equal(["a", "d"], await Ids(new ItemSearch { Ids = ["d", "a", "zz"], SortBy = [new SortField("id")] }));
        Assert.Equal(["d", "e"], await Ids(new ItemSearch { Collections = ["CBERS4A-WFI"], SortBy = [new SortField("id")] }));
        Assert.Equal(["d"], await Ids(new ItemSearch { Collections = ["CBERS4A-WFI"], Ids = ["a", "d"] }));
    }

    [Fact]
    public async Task Search_Limit_CutsPageAndReportsNumberMatched()
    {
        await SeedFiveAsync();

        var page = await Store.SearchAsync(new ItemSearch { Limit = 2 });

        Assert.Equal(["e", "d"], page.Items.Select(i => i.Id));
        Assert.Equal(5, page.NumberMatched);
        Assert.NotNull(page.NextToken);
        await Assert.ThrowsAsync<InvalidQueryException>(() => Store.SearchAsync(new ItemSearch { Limit = 0 }));
        await Assert.ThrowsAsync<InvalidQueryException>(() => Store.SearchAsync(new ItemSearch { Limit = 10_001 }));
    }

    [Fact]
    public async Task Search_SortBy_PropertyAscendingAndDescending()
    {
        await SeedFiveAsync();

        // "e" has no cloud cover: last both ways.
        Assert.Equal(["a", "b", "c", "d", "e"], await Ids(new ItemSearch { SortBy = [new SortField("properties.eo:cloud_cover")] }));
        Assert.Equal(["d", "c", "b", "a", "e"], await Ids(new ItemSearch { SortBy = [new SortField("eo:cloud_cover", SortDirection.Descending)] }));
        Assert.Equal(["a", "b", "c", "d", "e"], await Ids(new ItemSearch { SortBy = [new SortField("datetime")] }));
        Assert.Equal(["d", "e", "a", "b", "c"], await Ids(new ItemSearch { SortBy = [new SortField("collection", SortDirection.Descending)] }));
    }

    [Theory]
    [InlineData(SortDirection.Ascending)]
    [InlineData(SortDirection.Descending)]
    public async Task Search_SortByProperty_PutsItemsLackingItLast_AndPagesAcrossThemExactlyOnce(SortDirection direction)
    {
        // 14 with a cloud cover (7 values, each twice), 5 without it, 3 holding JSON null: pages of 4 cross every boundary.
        var items = new List<StacItem>();
        items.AddRange(Enumerable.Range(0, 14).Select(i => TestItems.Item($"c{i:D2}", datetime: TestItems.Epoch.AddHours(i), cloud: (i * 5) % 7 * 10)));
        items.AddRange(Enumerable.Range(0, 5).Select(i => TestItems.Item($"n{i:D2}", datetime: TestItems.Epoch.AddHours(i))));
        items.AddRange(Enumerable.Range(0, 3).Select(i =>
        {
            var item = TestItems.Item($"j{i:D2}", datetime: TestItems.Epoch.AddHours(i));
            return item with { Properties = new(item.Properties) { ["eo:cloud_cover"] = JsonDocument.Parse("null").RootElement } };
        }));
        await Store.UpsertItemsAsync(items);
        var known = items.Where(i => i.Properties.ContainsKey("eo:cloud_cover") && i.Properties["eo:cloud_cover"].ValueKind == JsonValueKind.Number);
        var ordered = direction == SortDirection.Ascending
            ? known.OrderBy(i => i.Properties["eo:cloud_cover"].GetDouble())
            : known.OrderByDescending(i => i.Properties["eo:cloud_cover"].GetDouble());
        List<string> expected =
        [
            .. ordered.ThenBy(i => i.Id, StringComparer.Ordinal).Select(i => i.Id),
            .. items.Select(i => i.Id).Where(id => id[0] is 'j' or 'n').Order(StringComparer.Ordinal),
        ];
        var search = new ItemSearch { Limit = 4, SortBy = [new SortField("eo:cloud_cover", direction)] };

        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = await Store.SearchAsync(search with { Token = token });
            seen.AddRange(page.Items.Select(i => i.Id));
            token = page.NextToken;
        }
        while (token is not null && seen.Count < 100);

        Assert.Equal(expected, await Ids(search with { Limit = 100 }));
        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task Filter_Comparisons()
    {
        await SeedFiveAsync();

        Assert.Equal(["a", "b"], await Ids(Filter("""{"op":"<","args":[{"property":"eo:cloud_cover"},20]}""")));
        Assert.Equal(["c", "d"], await Ids(Filter("""{"op":">=","args":[{"property":"eo:cloud_cover"},25]}""")));
        Assert.Equal(["c"], await Ids(Filter("""{"op":"=","args":[{"property":"cbers:path"},92]}""")));
        Assert.Equal(["a", "b", "d"], await Ids(Filter("""{"op":"<>","args":[{"property":"eo:cloud_cover"},25]}""")));
        Assert.Equal(["d", "e"], await Ids(Filter("""{"op":">","args":[{"property":"datetime"},{"timestamp":"2020-01-03T12:00:00Z"}]}""")));
        Assert.Equal(["b"], await Ids(Filter("""{"op":"=","args":[{"property":"id"},"b"]}""")));
    }

    [Fact]
    public async Task Filter_LogicAndNullHandling()
    {
        await SeedFiveAsync();

        Assert.Equal(["b", "c"], await Ids(Filter("""{"op":"and","args":[{"op":">","args":[{"property":"eo:cloud_cover"},10]},{"op":"<","args":[{"property":"cbers:path"},93]}]}""")));
        Assert.Equal(["a", "e"], await Ids(Filter("""{"op":"or","args":[{"op":"<","args":[{"property":"eo:cloud_cover"},10]},{"op":"=","args":[{"property":"cbers:path"},94]}]}""")));
        // 'e' has no cloud cover: not(cloud < 20) is unknown for it, so it does not match.
        Assert.Equal(["c", "d"], await Ids(Filter("""{"op":"not","args":[{"op":"<","args":[{"property":"eo:cloud_cover"},20]}]}""")));
        Assert.Equal(["e"], await Ids(Filter("""{"op":"isNull","args":[{"property":"eo:cloud_cover"}]}""")));
        Assert.Equal(["c"], await Ids(Filter("""{"op":"isNull","args":[{"property":"note"}]}""")));
    }

    [Fact]
    public async Task Filter_InBetweenLike()
    {
        await SeedFiveAsync();

        Assert.Equal(["a", "c"], await Ids(Filter("""{"op":"in","args":[{"property":"cbers:path"},[90,92,99]]}""")));
        Assert.Equal(["b", "c"], await Ids(Filter("""{"op":"between","args":[{"property":"eo:cloud_cover"},15,25]}""")));
        Assert.Equal(["d"], await Ids(Filter("""{"op":"like","args":[{"property":"note"},"d%"]}""")));
        // Case-sensitive: 'Beta' does not match 'b%'.
        Assert.Empty(await Ids(Filter("""{"op":"like","args":[{"property":"note"},"b%"]}""")));
        Assert.Equal(["a", "b", "d"], await Ids(Filter("""{"op":"like","args":[{"property":"note"},"_%a"]}""")));
        Assert.Equal(["e"], await Ids(Filter("""{"op":"like","args":[{"property":"note"},"%\\%"]}""")));
        Assert.Equal(["d", "e"], await Ids(Filter("""{"op":"like","args":[{"property":"collection"},"CBERS4A-%"]}""")));
    }

    [Fact]
    public async Task Filter_ReadingOnePropertyManyTimes_KeepsThreeValuedLogic()
    {
        // Several reads of one property in a part: SQLite reads each property once per row there (ReadPropertiesOnce).
        await SeedFiveAsync();

        Assert.Equal(["a", "d", "e"], await Ids(Filter("""{"op":"or","args":[{"op":"<","args":[{"property":"eo:cloud_cover"},10]},{"op":">","args":[{"property":"eo:cloud_cover"},30]},{"op":"isNull","args":[{"property":"eo:cloud_cover"}]}]}""")));
        // 'e' has no cloud cover: the or is unknown for it, and so is its negation.
        Assert.Equal(["b", "c"], await Ids(Filter("""{"op":"not","args":[{"op":"or","args":[{"op":"<","args":[{"property":"eo:cloud_cover"},10]},{"op":">","args":[{"property":"eo:cloud_cover"},30]}]}]}""")));
        Assert.Equal(["b"], await Ids(Filter("""{"op":"and","args":[{"op":">=","args":[{"property":"eo:cloud_cover"},10]},{"op":"<=","args":[{"property":"eo:cloud_cover"},30]},{"op":"not","args":[{"op":"isNull","args":[{"property":"note"}]}]}]}""")));
        Assert.Equal(["a", "d", "e"], await Ids(Filter("""{"op":"or","args":[{"op":"like","args":[{"property":"note"},"d%"]},{"op":"like","args":[{"property":"note"},"a%"]},{"op":"=","args":[{"property":"note"},"100%"]}]}""")));
        Assert.Equal(["a", "c"], await Ids(Filter("""{"op":"and","args":[{"op":"or","args":[{"op":"<","args":[{"property":"eo:cloud_cover"},10]},{"op":">","args":[{"property":"eo:cloud_cover"},20]}]},{"op":"or","args":[{"op":"=","args":[{"property":"note"},"alpha"]},{"op":"isNull","args":[{"property":"note"}]}]}]}""")));
        Assert.Equal(["a"], await Ids(Filter("""{"op":"and","args":[{"op":"or","args":[{"op":"<","args":[{"property":"eo:cloud_cover"},10]},{"op":">","args":[{"property":"eo:cloud_cover"},30]}]},{"op":"<>","args":[{"property":"id"},"d"]}]}""")));
        Assert.Equal(["c"], await Ids(Filter("""{"op":"or","args":[{"op":"in","args":[{"property":"cbers:path"},[92,99]]},{"op":"between","args":[{"property":"cbers:path"},100,200]}]}""")));
    }

    [Fact]
    public async Task Filter_SpatialAndTemporalIntersects()
    {
        await SeedFiveAsync();

        Assert.Equal(["b"], await Ids(Filter("""{"op":"s_intersects","args":[{"property":"geometry"},{"type":"Point","coordinates":[10.2,0.2]}]}""")));
        Assert.Empty(await Ids(Filter("""{"op":"s_intersects","args":[{"property":"geometry"},{"type":"Polygon","coordinates":[[[0.7,0.7],[1.5,0.7],[0.7,1.5],[0.7,0.7]]]}]}""")));
        Assert.Equal(["a", "b"], await Ids(Filter("""{"op":"s_intersects","args":[{"property":"geometry"},{"bbox":[-1,-0.1,10,0.1]}]}""")));
        Assert.Equal(["c", "d"], await Ids(Filter("""{"op":"t_intersects","args":[{"property":"datetime"},{"interval":["2020-01-03T00:00:00Z","2020-01-04T00:00:00Z"]}]}""")));
        Assert.Equal(["b"], await Ids(Filter("""{"op":"and","args":[{"op":"s_intersects","args":[{"property":"geometry"},{"bbox":[5,-1,25,1]}]},{"op":"not","args":[{"op":"isNull","args":[{"property":"note"}]}]}]}""")));
    }

    [Fact]
    public async Task Filter_SpatialUnderOr_IsEvaluatedExactly()
    {
        await SeedFiveAsync();

        var page = await Store.SearchAsync(Filter("""{"op":"or","args":[{"op":"s_intersects","args":[{"property":"geometry"},{"type":"Point","coordinates":[0.9,0.9]}]},{"op":"=","args":[{"property":"cbers:path"},94]}]}"""));

        Assert.Equal(["e"], page.Items.Select(i => i.Id));
        Assert.Equal(1, page.NumberMatched);
    }

    [Fact]
    public async Task Search_Paging_Returns57ItemsExactlyOnce_EvenWhenItemsAreInsertedBetweenPages()
    {
        var items = Enumerable.Range(0, 57).Select(i => TestItems.Item($"s{i:D3}", datetime: TestItems.Epoch.AddHours(i % 7), lon: i % 10, cloud: i % 13)).ToArray();
        await Store.UpsertItemsAsync(items);
        var seen = new List<string>();
        var search = new ItemSearch { Limit = 10, SortBy = [new SortField("eo:cloud_cover", SortDirection.Descending), new SortField("datetime")] };
        var pages = 0;
        string? token = null;
        do
        {
            var page = await Store.SearchAsync(search with { Token = token });
            seen.AddRange(page.Items.Select(i => i.Id));
            token = page.NextToken;
            pages++;
            // Newcomers sort before (cloud 99) and after (cloud -1) the cursor; neither may disturb the remaining pages.
            await Store.UpsertItemAsync(TestItems.Item($"new-high-{pages}", cloud: 99));
            await Store.UpsertItemAsync(TestItems.Item($"new-low-{pages}", cloud: -1));
        }
        while (token is not null && pages < 20);

        var original = seen.Where(id => id.StartsWith('s')).ToList();
        Assert.Equal(57, original.Count);
        Assert.Equal(57, original.Distinct().Count());
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.DoesNotContain(seen, id => id.StartsWith("new-high", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_PagingWithResidualFilter_ReturnsEachMatchOnce()
    {
        await Store.UpsertItemsAsync([.. Enumerable.Range(0, 30).Select(i => TestItems.Item($"r{i:D2}", lon: i % 3 == 0 ? 0 : 100, datetime: TestItems.Epoch.AddMinutes(i)))]);
        var search = new ItemSearch { Intersects = TestItems.Point(0.1, 0.1), Limit = 3 };

        var ids = new List<string>();
        string? token = null;
        long? matched = null;
        do
        {
            var page = await Store.SearchAsync(search with { Token = token });
            ids.AddRange(page.Items.Select(i => i.Id));
            matched = page.NumberMatched;
            token = page.NextToken;
        }
        while (token is not null);

        Assert.Equal(10, ids.Distinct().Count());
        Assert.Equal(10, ids.Count);
        Assert.Equal(10, matched);
    }

    [Fact]
    public async Task Search_ForeignToken_IsRejected()
    {
        await SeedFiveAsync();
        var page = await Store.SearchAsync(new ItemSearch { Limit = 1 });

        var ex = await Assert.ThrowsAsync<InvalidQueryException>(() => Store.SearchAsync(new ItemSearch { Limit = 1, SortBy = [new SortField("id")], Token = page.NextToken }));

        Assert.Equal("token", ex.Parameter);
        await Assert.ThrowsAsync<InvalidQueryException>(() => Store.SearchAsync(new ItemSearch { Token = "garbage" }));
    }

    [Fact]
    public async Task UpsertItems_WithAnInvalidItem_WritesNone()
    {
        var broken = TestItems.Item("broken") with { Collection = null };

        await Assert.ThrowsAsync<ArgumentException>(() => Store.UpsertItemsAsync([TestItems.Item("ok"), broken]));

        Assert.Null(await Store.GetItemAsync("CBERS4-MUX", "ok"));
    }

    [Fact]
    public async Task UpsertItems_5000InOneBatch_AreAllCounted_AndAgainReplaceThem()
    {
        var items = Enumerable.Range(0, 5000).Select(i => TestItems.Item(
            $"bulk{i:D5}", i % 2 == 0 ? "CBERS4-MUX" : "CBERS4A-WFI", TestItems.Epoch.AddMinutes(i), lon: (i % 360) - 179.5, lat: (i % 170) - 84.5, size: 0.4, cloud: i % 100)).ToArray();
        await Store.UpsertItemAsync(TestItems.Item("warm-up"));

        var watch = Stopwatch.StartNew();
        await Store.UpsertItemsAsync(items);
        watch.Stop();

        // The rate is reported, not asserted: speed targets live in tests/EarthData.CatalogBench, not in unit tests.
        var rate = items.Length / watch.Elapsed.TotalSeconds;
        output.WriteLine($"{GetType().Name}: upserted {items.Length} items in {watch.Elapsed.TotalMilliseconds:F0} ms = {rate:F0} items/s");
        var page = await Store.SearchAsync(new ItemSearch { Limit = 1, Ids = null, Collections = ["CBERS4-MUX", "CBERS4A-WFI"] });
        Assert.Equal(5001, page.NumberMatched);

        await Store.UpsertItemsAsync(items[..100]);
        Assert.Equal(5001, (await Store.SearchAsync(new ItemSearch { Limit = 1 })).NumberMatched);
    }

    [Fact]
    public async Task Search_NumberMatched_IsExactUpToTheCountLimit_AndNullAbove()
    {
        await SeedFiveAsync();

        Assert.Equal(5, (await Store.SearchAsync(new ItemSearch { Limit = 1, CountLimit = 5 })).NumberMatched);
        Assert.Null((await Store.SearchAsync(new ItemSearch { Limit = 1, CountLimit = 4 })).NumberMatched);
        var near = new ItemSearch { Limit = 1, CountLimit = 1, Intersects = TestItems.Point(0, 0) };
        Assert.Equal(1, (await Store.SearchAsync(near)).NumberMatched); // a residual (exact geometry) count, within the bound
        Assert.Null((await Store.SearchAsync(new ItemSearch { Limit = 1, CountLimit = 1, Bbox = new BoundingBox(-180, -90, 180, 90) })).NumberMatched);
    }

    [Fact]
    public async Task Search_NumberMatchedIsUnknown_WhenTheCountTimeoutEndsWhileTheStatementIsPrepared()
    {
        // A 496-node filter over 245 different properties matching none of 20,000 items: counting means 245 look-ups in
        // every row (seconds; long enough that the budget's timer fires during the scan even on a loaded machine),
        // preparing and binding the statement takes milliseconds, so a 1 ms count budget mostly ends before the scan's
        // first step. A cancellation landing there must still stop the count (numberMatched unknown), never let it run
        // to the end.
        await Store.UpsertItemsAsync([.. Enumerable.Range(0, 20_000).Select(i => TestItems.Item($"count{i:D5}", datetime: TestItems.Epoch.AddMinutes(i), cloud: i % 100))]);
        var ors = Enumerable.Range(0, 5).Select(o => "{\"op\":\"or\",\"args\":[" + string.Join(',', Enumerable.Range(0, 49).Select(i => $"{{\"op\":\"=\",\"args\":[{{\"property\":\"p{o}_{i}\"}},{i}]}}")) + "]}");
        var filter = Cql2JsonParser.Parse("{\"op\":\"and\",\"args\":[" + string.Join(',', ors) + "]}");
        var search = new ItemSearch { Limit = 1, Filter = filter, CountTimeout = TimeSpan.FromMilliseconds(1) };

        var counted = new List<long?>();
        for (var run = 0; run < 20; run++)
        {
            counted.Add((await Store.SearchAsync(search)).NumberMatched);
        }

        Assert.All(counted, Assert.Null);
        Assert.Equal(0, (await Store.SearchAsync(search with { CountTimeout = Timeout.InfiniteTimeSpan })).NumberMatched);
    }

    /// <summary>
    /// and(5 × or(49 <c>pN_M = M</c>)) over 245 properties no item has: 496 nodes, no match, 245 look-ups in every row
    /// (one property compared with many values would collapse into one membership test per row and finish too soon).
    /// </summary>
    private static CqlExpression LargestMissingFilter()
    {
        var ors = Enumerable.Range(0, 5).Select(o => "{\"op\":\"or\",\"args\":[" + string.Join(',', Enumerable.Range(0, 49).Select(i => $"{{\"op\":\"=\",\"args\":[{{\"property\":\"p{o}_{i}\"}},{i}]}}")) + "]}");
        return Cql2JsonParser.Parse("{\"op\":\"and\",\"args\":[" + string.Join(',', ors) + "]}");
    }

    [Fact]
    public async Task Search_PastItsTimeBudget_IsStoppedInsideTheDatabase_WithSearchTimeoutException()
    {
        // 40,000 items and a filter of 245 LIKE patterns that matches none: the first page is one statement scanning the
        // whole table (49 pattern matches per row before the first "or" fails). No token is given: only the budget the
        // store holds can stop that statement before its end.
        await Store.UpsertItemsAsync([.. Enumerable.Range(0, 40_000).Select(i => TestItems.Item($"like{i:D5}", datetime: TestItems.Epoch.AddMinutes(i), cloud: i % 100))]);
        var ors = Enumerable.Range(0, 5).Select(o => "{\"op\":\"or\",\"args\":[" +
            string.Join(',', Enumerable.Range(0, 49).Select(i => $"{{\"op\":\"like\",\"args\":[{{\"property\":\"platform\"}},\"%cbers-4%x{(o * 100) + i}%\"]}}")) + "]}");
        var search = new ItemSearch { Filter = Cql2JsonParser.Parse("{\"op\":\"and\",\"args\":[" + string.Join(',', ors) + "]}"), CountMatched = false };

        // The whole scan's time: the quicker of two runs (the first pays for cold caches, and other tests may load the machine).
        var whole = TimeSpan.MaxValue;
        for (var run = 0; run < 2; run++)
        {
            var timer = Stopwatch.StartNew();
            Assert.Empty((await Store.SearchAsync(search)).Items);
            whole = timer.Elapsed < whole ? timer.Elapsed : whole;
        }

        var budget = TimeSpan.FromMilliseconds(2);
        var stopped = new List<double>();
        for (var run = 0; run < 5; run++)
        {
            var timer = Stopwatch.StartNew();
            var ex = await Assert.ThrowsAsync<SearchTimeoutException>(() => Store.SearchAsync(search with { TimeBudget = budget }));
            stopped.Add(timer.Elapsed.TotalMilliseconds);
            Assert.Equal(budget, ex.Budget);
        }

        output.WriteLine($"{GetType().Name}: whole scan {whole.TotalMilliseconds:F0} ms, a 2 ms budget stopped it after {string.Join(", ", stopped.Select(t => t.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)))} ms");
        Assert.All(stopped, t => Assert.True(t < whole.TotalMilliseconds * 0.5, $"a search with a 2 ms budget ran {t:F0} ms of a {whole.TotalMilliseconds:F0} ms scan"));

        // With a budget it can keep, the search answers as before.
        Assert.Empty((await Store.SearchAsync(search with { TimeBudget = whole * 20 })).Items);
    }

    [Fact]
    public async Task Search_CancelledWhileTheDatabaseScans_StopsThere()
    {
        // 40,000 items and a 496-node filter that matches none: the first page scans the whole table in one step, long
        // enough that a cancellation at a tenth of it, plus the database's cancel latency (PostgreSQL: ~50 ms), ends well before.
        await Store.UpsertItemsAsync([.. Enumerable.Range(0, 40_000).Select(i => TestItems.Item($"scan{i:D5}", datetime: TestItems.Epoch.AddMinutes(i), cloud: i % 100, path: i % 7))]);
        var search = new ItemSearch { Filter = LargestMissingFilter(), CountMatched = false };

        // The whole scan's time: the quicker of two runs (the first pays for cold caches, and other tests may load the machine).
        var whole = TimeSpan.MaxValue;
        for (var run = 0; run < 2; run++)
        {
            var timer = Stopwatch.StartNew();
            Assert.Empty((await Store.SearchAsync(search)).Items);
            whole = timer.Elapsed < whole ? timer.Elapsed : whole;
        }

        // Cancelled from a thread of its own: a timer's callback needs a thread-pool thread, and with SQLite's synchronous
        // scans of this and a parallel test class holding both of a 2-core machine's pool threads, it came only after the scan.
        using var cancel = new CancellationTokenSource();
        var canceller = new Thread(() =>
        {
            Thread.Sleep(whole / 10);
            cancel.Cancel();
        }) { IsBackground = true };
        var cancelled = Stopwatch.StartNew();
        canceller.Start();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.SearchAsync(search, cancel.Token));
        cancelled.Stop();
        canceller.Join();
        output.WriteLine($"{GetType().Name}: whole scan {whole.TotalMilliseconds:F0} ms, cancelled after {cancelled.Elapsed.TotalMilliseconds:F0} ms");
        Assert.True(cancelled.Elapsed < whole * 0.7, $"cancelled search ran {cancelled.Elapsed.TotalMilliseconds:F0} ms of a {whole.TotalMilliseconds:F0} ms scan");
    }
}
