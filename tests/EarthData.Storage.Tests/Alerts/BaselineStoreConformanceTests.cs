using EarthData.Core.Alerts;
using EarthData.Core.Scenes;
using EarthData.Storage.Alerts;
using EarthData.Storage.Objects;

namespace EarthData.Storage.Tests.Alerts;

/// <summary>
/// The behaviour of <see cref="SqlBaselineStore"/> on each catalogue database, with COGs in a filesystem object store.
/// "Two workers" are two store instances over the same database and object store.
/// </summary>
public abstract class BaselineStoreConformanceTests : IAsyncLifetime
{
    private static readonly BaselineFootprint Here = new("CBERS4-MUX", 151, 121);
    private static readonly byte[] Cog = [0x49, 0x49, 0x2A, 0x00, 1, 2, 3, 4];
    private readonly DirectoryInfo _objects = Directory.CreateTempSubdirectory("earthdata-baselines-");

    protected abstract Task<AlertDatabase> OpenDatabaseAsync();

    protected abstract Task DropAsync();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await DropAsync();
        _objects.Delete(recursive: true);
    }

    [Fact]
    public async Task Save_NumbersVersionsPerFootprintAndKind_InTheOrderNewInputsArrive()
    {
        var store = await OpenAsync();

        var first = await store.SaveAsync(Water(Here, 2019, 2020), Cog, CancellationToken.None);
        var ndvi = await store.SaveAsync(Ndvi(Here, 2019, 2020, 2021), Cog, CancellationToken.None);
        var second = await store.SaveAsync(Water(Here, 2019, 2020, 2021), Cog, CancellationToken.None);
        var elsewhere = await store.SaveAsync(Water(new BaselineFootprint("CBERS4-MUX", 151, 122), 2019), Cog, CancellationToken.None);
        var third = await store.SaveAsync(Water(Here, 2019, 2020, 2021, 2022), Cog, CancellationToken.None);

        Assert.Equal(["water-CBERS4-MUX-151-121.v1", "water-CBERS4-MUX-151-121.v2", "water-CBERS4-MUX-151-121.v3"], new[] { first, second, third }.Select(r => r.Id));
        Assert.Equal([1, 2, 3], new[] { first, second, third }.Select(r => r.Version));
        Assert.Equal(("ndvi-CBERS4-MUX-151-121.v1", 1), (ndvi.Id, ndvi.Version));
        Assert.Equal(("water-CBERS4-MUX-151-122.v1", "CBERS4-MUX/151/122"), (elsewhere.Id, elsewhere.Footprint));
    }

    [Fact]
    public async Task Save_SameInputsAgain_ReturnsTheStoredVersion()
    {
        var store = await OpenAsync();
        var stored = await store.SaveAsync(Water(Here, 2019, 2020), Cog, CancellationToken.None);

        var again = await store.SaveAsync(Water(Here, 2020, 2019), new byte[] { 9, 9, 9 }, CancellationToken.None);

        Assert.Equivalent(stored, again, strict: true);
        Assert.Equivalent(stored, await store.FindAsync(Water(Here, 2019, 2020), CancellationToken.None), strict: true);
        Assert.Null(await store.FindAsync(Water(Here, 2019), CancellationToken.None));
        Assert.Null(await store.FindAsync(Ndvi(Here, 2019, 2020), CancellationToken.None));
        Assert.Single(await store.ListAsync(new BaselineQuery(), CancellationToken.None));
        Assert.Equal(Cog, await ReadAsync(stored.CogKey));
    }

    [Fact]
    public async Task Record_PointsAtItsCog_AndKeepsEveryField()
    {
        var store = await OpenAsync();
        var inputs = Ndvi(Here, 2021, 2019, 2020);

        var record = await store.SaveAsync(inputs, Cog, CancellationToken.None);

        Assert.Equal(Cog, await ReadAsync(record.CogKey));
        Assert.Equal(SqlBaselineStore.CogKey(inputs), record.CogKey);
        Assert.Equal(["CBERS_4_MUX_20190310_151_121_L4", "CBERS_4_MUX_20200310_151_121_L4", "CBERS_4_MUX_20210310_151_121_L4"], record.Scenes);
        Assert.Equal((new DateOnly(2019, 3, 10), new DateOnly(2021, 3, 10)), (record.FirstAcquired, record.LastAcquired));
        Assert.Equal((BaselineKinds.NdviClimatology, "CBERS4-MUX/151/121", new DayOfYearWindow(70, 30), inputs.Key), (record.Kind, record.Footprint, record.Season, record.InputsKey));
        Assert.InRange(record.Created, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        var reopened = await OpenAsync();
        Assert.Equivalent(record, await reopened.GetAsync(record.Id, CancellationToken.None), strict: true);
        Assert.Null(await reopened.GetAsync("water-CBERS4-MUX-151-121.v9", CancellationToken.None));
    }

    [Fact]
    public async Task Save_StoresNoRecord_WhenTheCogCannotBeWritten()
    {
        var store = await OpenAsync();
        File.WriteAllText(Path.Combine(_objects.FullName, "baselines"), "a file where the baselines folder goes");

        await Assert.ThrowsAnyAsync<Exception>(() => store.SaveAsync(Water(Here, 2019), Cog, CancellationToken.None));

        Assert.Empty(await store.ListAsync(new BaselineQuery(), CancellationToken.None));
        Assert.Null(await store.FindAsync(Water(Here, 2019), CancellationToken.None));
    }

    [Fact]
    public async Task Save_FromTwoWorkersConcurrently_StoresOneVersionPerInputs_AndNumbersTheRestWithoutGaps()
    {
        var first = await OpenAsync();
        var second = await OpenAsync();

        var same = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => (i % 2 == 0 ? first : second).SaveAsync(Water(Here, 2019), Cog, CancellationToken.None))));
        var different = await Task.WhenAll(Enumerable.Range(1, 8).Select(i =>
            Task.Run(() => (i % 2 == 0 ? first : second).SaveAsync(Water(Here, [.. Enumerable.Range(2010, i)]), Cog, CancellationToken.None))));

        Assert.Single(same.Select(r => r.Id).Distinct());
        Assert.Equal(Enumerable.Range(1, 9), (await second.ListAsync(new BaselineQuery(), CancellationToken.None)).Select(r => r.Version).Order());
        Assert.Equal(8, different.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public async Task List_FiltersByFootprintAndKind_NewestVersionFirst()
    {
        var store = await OpenAsync();
        var other = new BaselineFootprint("CBERS4A-WFI", 201, 133);
        await store.SaveAsync(Water(Here, 2019), Cog, CancellationToken.None);
        await store.SaveAsync(Water(Here, 2019, 2020), Cog, CancellationToken.None);
        await store.SaveAsync(Ndvi(Here, 2019, 2020, 2021), Cog, CancellationToken.None);
        await store.SaveAsync(new BaselineInputs(BaselineKinds.PreEvent, other, [Scene(other, 2024)]), Cog, CancellationToken.None);

        Assert.Equal(["ndvi-CBERS4-MUX-151-121.v1", "water-CBERS4-MUX-151-121.v2", "water-CBERS4-MUX-151-121.v1", "prefire-CBERS4A-WFI-201-133.v1"],
            await Ids(store, new BaselineQuery()));
        Assert.Equal(["water-CBERS4-MUX-151-121.v2", "water-CBERS4-MUX-151-121.v1"], await Ids(store, new BaselineQuery { Footprint = Here, Kind = BaselineKinds.ReferenceWater }));
        Assert.Equal(["prefire-CBERS4A-WFI-201-133.v1"], await Ids(store, new BaselineQuery { Footprint = other }));
        Assert.Equal(["ndvi-CBERS4-MUX-151-121.v1", "water-CBERS4-MUX-151-121.v2"], await Ids(store, new BaselineQuery { Footprint = Here, Limit = 2 }));
        Assert.Empty(await Ids(store, new BaselineQuery { Footprint = other, Kind = BaselineKinds.NdviClimatology }));
    }

    private async Task<IBaselineStore> OpenAsync() => new SqlBaselineStore(await OpenDatabaseAsync(), new FileSystemObjectStore(_objects.FullName));

    private async Task<byte[]> ReadAsync(string key)
    {
        var stored = await new FileSystemObjectStore(_objects.FullName).GetAsync(key);
        await using (stored)
        {
            using var buffer = new MemoryStream();
            await stored.Content.CopyToAsync(buffer);
            return buffer.ToArray();
        }
    }

    private static BaselineInputs Water(BaselineFootprint footprint, params int[] years) =>
        new(BaselineKinds.ReferenceWater, footprint, years.Select(y => Scene(footprint, y)));

    private static BaselineInputs Ndvi(BaselineFootprint footprint, params int[] years) =>
        new(BaselineKinds.NdviClimatology, footprint, years.Select(y => Scene(footprint, y)), new DayOfYearWindow(70, 30));

    private static SceneId Scene(BaselineFootprint footprint, int year) =>
        SceneId.Parse($"{footprint.Collection.Replace("CBERS", "CBERS_", StringComparison.Ordinal).Replace('-', '_')}_{year}0310_{footprint.Path:D3}_{footprint.Row:D3}_L4");

    private static async Task<List<string>> Ids(IBaselineStore store, BaselineQuery query) =>
        [.. (await store.ListAsync(query, CancellationToken.None)).Select(r => r.Id)];
}
