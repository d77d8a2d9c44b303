using EarthData.Core.Catalog;

namespace EarthData.Storage.Tests.Catalog;

/// <content>Scene records (compare-and-swap, keyset listing) and stage leases.</content>
public abstract partial class CatalogStoreConformanceTests
{
    private static readonly DateTime Start = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static SceneRecord Queued(string id, int minute = 0, string collection = "CBERS4-MUX") => new()
    {
        SceneId = id, State = SceneState.Queued, Collection = collection, Source = "/archive/" + id,
        CreatedAt = Start.AddMinutes(minute), UpdatedAt = Start.AddMinutes(minute),
    };

    [Fact]
    public async Task TryInsertSceneRecord_Twice_KeepsTheFirstAtVersionOne()
    {
        var record = Queued("CBERS_4_MUX_20170528_090_084_L2");

        Assert.True(await Store.TryInsertSceneRecordAsync(record));
        Assert.False(await Store.TryInsertSceneRecordAsync(record with { Source = "other" }));

        var stored = await Store.GetSceneRecordAsync(record.SceneId);
        Assert.Equal(record with { Version = 1 }, stored);
    }

    [Fact]
    public async Task TryUpdateSceneRecord_WithStaleVersion_WritesNothing()
    {
        var record = Queued("CBERS_4_MUX_20170528_090_084_L2");
        await Store.TryInsertSceneRecordAsync(record);
        var ingesting = record with
        {
            State = SceneState.Ingesting, Stage = SceneStage.Ingest, Progress = 42.5, Attempts = 1, UpdatedAt = Start.AddMinutes(1),
        };

        Assert.True(await Store.TryUpdateSceneRecordAsync(ingesting, expectedVersion: 1));
        Assert.False(await Store.TryUpdateSceneRecordAsync(record with { State = SceneState.Rejected }, expectedVersion: 1));
        Assert.False(await Store.TryUpdateSceneRecordAsync(Queued("missing"), expectedVersion: 1));

        var stored = await Store.GetSceneRecordAsync(record.SceneId);
        Assert.Equal(ingesting with { Version = 2 }, stored);
    }

    [Fact]
    public async Task TryUpdateSceneRecord_RacingWriters_ExactlyOneWins()
    {
        var record = Queued("CBERS_4_MUX_20170528_090_084_L2");
        await Store.TryInsertSceneRecordAsync(record);

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() =>
            Store.TryUpdateSceneRecordAsync(record with { Attempts = i + 1, State = SceneState.Ingesting }, expectedVersion: 1))));

        Assert.Single(results, won => won);
        var stored = await Store.GetSceneRecordAsync(record.SceneId);
        Assert.Equal(2, stored!.Version);
        Assert.Equal(Array.IndexOf(results, true) + 1, stored.Attempts);
    }

    [Fact]
    public async Task FailedRecord_RoundTripsStageReasonAndRetryable()
    {
        var record = Queued("CBERS_4_MUX_20170528_090_084_L2");
        await Store.TryInsertSceneRecordAsync(record);
        var failed = record with
        {
            State = SceneState.Failed, Stage = SceneStage.Publish, Reason = "upload: 503", Retryable = true, Attempts = 5, UpdatedAt = Start.AddHours(1),
        };

        await Store.TryUpdateSceneRecordAsync(failed, 1);

        Assert.Equal(failed with { Version = 2 }, await Store.GetSceneRecordAsync(record.SceneId));
    }

    [Fact]
    public async Task ListSceneRecords_PagesInCreationOrder_WithFilters()
    {
        for (var i = 0; i < 7; i++)
        {
            await Store.TryInsertSceneRecordAsync(Queued($"CBERS_4_MUX_20170528_090_{80 + i:000}_L2", minute: 7 - i, collection: i % 2 == 0 ? "CBERS4-MUX" : "CBERS4-AWFI"));
        }

        var first = await Store.TryUpdateSceneRecordAsync(Queued("CBERS_4_MUX_20170528_090_080_L2", 7) with { State = SceneState.Published }, 1);
        Assert.True(first);

        var ids = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await Store.ListSceneRecordsAsync(new SceneRecordQuery { Limit = 3, Token = token });
            ids.AddRange(page.Records.Select(r => r.SceneId));
            token = page.NextToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(0, 7).Reverse().Select(i => $"CBERS_4_MUX_20170528_090_{80 + i:000}_L2"), ids);
        var awfi = await Store.ListSceneRecordsAsync(new SceneRecordQuery { Collection = "CBERS4-AWFI" });
        Assert.Equal(["CBERS_4_MUX_20170528_090_085_L2", "CBERS_4_MUX_20170528_090_083_L2", "CBERS_4_MUX_20170528_090_081_L2"], awfi.Records.Select(r => r.SceneId));
        Assert.Null(awfi.NextToken);
        var published = await Store.ListSceneRecordsAsync(new SceneRecordQuery { State = SceneState.Published });
        Assert.Equal(["CBERS_4_MUX_20170528_090_080_L2"], published.Records.Select(r => r.SceneId));
    }

    [Fact]
    public async Task ListSceneRecords_NewestFirst_PagesBackwards_ThroughEqualCreationTimes()
    {
        // Minutes 0, 0, 0, 1, 1, 2, 3: pages of 2 cut through the runs of equal creation times, which the id orders.
        int[] minutes = [0, 0, 0, 1, 1, 2, 3];
        for (var i = 0; i < minutes.Length; i++)
        {
            await Store.TryInsertSceneRecordAsync(Queued($"CBERS_4_MUX_20170528_090_{80 + i:000}_L2", minutes[i], i == 2 ? "CBERS4-AWFI" : "CBERS4-MUX"));
        }

        var ids = new List<string>();
        string? token = null;
        do
        {
            var page = await Store.ListSceneRecordsAsync(new SceneRecordQuery { Limit = 2, Token = token, NewestFirst = true });
            ids.AddRange(page.Records.Select(r => r.SceneId));
            token = page.NextToken;
        }
        while (token is not null);

        Assert.Equal(Enumerable.Range(0, 7).Reverse().Select(i => $"CBERS_4_MUX_20170528_090_{80 + i:000}_L2"), ids);
        var mux = await Store.ListSceneRecordsAsync(new SceneRecordQuery { Collection = "CBERS4-MUX", NewestFirst = true, Limit = 5 });
        Assert.Equal([86, 85, 84, 83, 81], mux.Records.Select(r => int.Parse(r.SceneId[^6..^3], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(1001, null)]
    [InlineData(10, "not-a-token")]
    public async Task ListSceneRecords_Invalid_ThrowsInvalidQuery(int limit, string? token)
    {
        var error = await Assert.ThrowsAsync<InvalidQueryException>(() => Store.ListSceneRecordsAsync(new SceneRecordQuery { Limit = limit, Token = token }));

        Assert.Equal(token is null ? "limit" : "token", error.Parameter);
    }

    [Fact]
    public async Task TryAcquireSceneLease_HeldByAnother_FailsUntilItLapses()
    {
        const string id = "CBERS_4_MUX_20170528_090_084_L2";
        var now = Start;

        Assert.True(await Store.TryAcquireSceneLeaseAsync(new SceneLease(id, SceneStage.Process, "a", now.AddMinutes(5)), now));
        Assert.False(await Store.TryAcquireSceneLeaseAsync(new SceneLease(id, SceneStage.Process, "b", now.AddMinutes(5)), now.AddMinutes(1)));
        Assert.True(await Store.TryAcquireSceneLeaseAsync(new SceneLease(id, SceneStage.Tile, "b", now.AddMinutes(5)), now), "another stage has its own lease");
        Assert.True(await Store.TryAcquireSceneLeaseAsync(new SceneLease(id, SceneStage.Process, "a", now.AddMinutes(9)), now.AddMinutes(2)), "the holder renews");
        Assert.False(await Store.TryAcquireSceneLeaseAsync(new SceneLease(id, SceneStage.Process, "b", now.AddMinutes(12)), now.AddMinutes(6)));
        Assert.True(await Store.TryAcquireSceneLeaseAsync(new SceneLease(id, SceneStage.Process, "b", now.AddMinutes(15)), now.AddMinutes(10)), "a lapsed lease is taken over");

        Assert.Equal(new SceneLease(id, SceneStage.Process, "b", now.AddMinutes(15)), await Store.GetSceneLeaseAsync(id, SceneStage.Process));
        Assert.False(await Store.ReleaseSceneLeaseAsync(id, SceneStage.Process, "a"));
        Assert.True(await Store.ReleaseSceneLeaseAsync(id, SceneStage.Process, "b"));
        Assert.Null(await Store.GetSceneLeaseAsync(id, SceneStage.Process));
    }

    [Fact]
    public async Task TryAcquireSceneLease_RacingOwners_ExactlyOneHoldsIt()
    {
        const string id = "CBERS_4_MUX_20170528_090_084_L2";

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() =>
            Store.TryAcquireSceneLeaseAsync(new SceneLease(id, SceneStage.Publish, "worker-" + i, Start.AddMinutes(1)), Start))));

        Assert.Single(results, held => held);
        Assert.Equal("worker-" + Array.IndexOf(results, true), (await Store.GetSceneLeaseAsync(id, SceneStage.Publish))!.Owner);
    }
}
