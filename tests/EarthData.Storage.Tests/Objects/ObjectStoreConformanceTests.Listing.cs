using EarthData.Core.Storage;

namespace EarthData.Storage.Tests.Objects;

/// <content>Listing and deleting by prefix.</content>
public abstract partial class ObjectStoreConformanceTests
{
    protected async Task<List<ObjectProperties>> ListAsync(string prefix)
    {
        var items = new List<ObjectProperties>();
        await foreach (var item in Store.ListAsync(prefix))
        {
            items.Add(item);
        }

        return items;
    }

    protected async Task PutAllAsync(params string[] keys)
    {
        foreach (var key in keys)
        {
            await Store.PutAsync(key, Bytes(key.Length, seed: key.Length), Png);
        }
    }

    [Fact]
    public async Task List_by_folder_prefix_is_ordered_by_key_and_does_not_leak_sibling_prefixes()
    {
        await PutAllAsync("tiles/ab/0.png", "tiles/a/2/0.png", "tiles/a/10/0.png", "tiles/a-b/0.png", "tiles/a/1.png", "tiles/a0", "tilesx");

        var listed = await ListAsync("tiles/a/");

        Assert.Equal(["tiles/a/1.png", "tiles/a/10/0.png", "tiles/a/2/0.png"], listed.Select(p => p.Key));
        Assert.All(listed, p => Assert.Equal("image/png", p.ContentType));
        Assert.Equal("tiles/a/10/0.png".Length, listed[1].Length);
    }

    [Fact]
    public async Task List_by_partial_prefix_matches_as_a_string_prefix_in_ordinal_order()
    {
        await PutAllAsync("tiles/ab/0.png", "tiles/a/0.png", "tiles/a-b/0.png", "tiles/a0", "tiles/b/0.png");

        var listed = await ListAsync("tiles/a");

        Assert.Equal(["tiles/a-b/0.png", "tiles/a/0.png", "tiles/a0", "tiles/ab/0.png"], listed.Select(p => p.Key));
    }

    [Fact]
    public async Task List_with_an_empty_prefix_lists_everything_and_a_missing_prefix_nothing()
    {
        await PutAllAsync("b", "a/b/c", "a/a");

        Assert.Equal(["a/a", "a/b/c", "b"], (await ListAsync("")).Select(p => p.Key));
        Assert.Empty(await ListAsync("nothing/"));
        Assert.Empty(await ListAsync("a/b/c/"));
    }

    [Fact]
    public async Task Delete_removes_only_that_key()
    {
        await PutAllAsync("s/1", "s/2", "s/10");

        Assert.True(await Store.DeleteAsync("s/1"));

        Assert.False(await Store.ExistsAsync("s/1"));
        Assert.False(await Store.DeleteAsync("s/1"));
        Assert.Equal(["s/10", "s/2"], (await ListAsync("s/")).Select(p => p.Key));
    }

    [Fact]
    public async Task DeletePrefix_removes_everything_under_the_prefix_and_counts_it()
    {
        await PutAllAsync("tiles/a/0/0/0.png", "tiles/a/1/0/0.png", "tiles/a/1/1/0.png", "tiles/ab/0.png", "stac/a.json");

        Assert.Equal(3, await Store.DeletePrefixAsync("tiles/a/"));

        Assert.Equal(["stac/a.json", "tiles/ab/0.png"], (await ListAsync("")).Select(p => p.Key));
        Assert.Equal(0, await Store.DeletePrefixAsync("tiles/a/"));
        Assert.Equal(2, await Store.DeletePrefixAsync(""));
        Assert.Empty(await ListAsync(""));
    }

    public static TheoryData<string> InvalidKeys() => new()
    {
        "../x", "/abs", "a/../b", "a\\b", "a//b", "", "a\0b", "./a", "a/.", "a/..", "a/", "tab\there", "C:/windows", new string('k', 2000),
    };

    [Theory]
    [MemberData(nameof(InvalidKeys))]
    public async Task Invalid_keys_are_rejected_by_every_operation(string key)
    {
        await AssertInvalidAsync(key, () => Store.PutAsync(key, Bytes(1), Png));
        await AssertInvalidAsync(key, () => Store.GetAsync(key));
        await AssertInvalidAsync(key, () => Store.TryGetAsync(key));
        await AssertInvalidAsync(key, () => Store.HeadAsync(key));
        await AssertInvalidAsync(key, () => Store.ExistsAsync(key));
        await AssertInvalidAsync(key, () => Store.DeleteAsync(key));
        await AssertInvalidAsync(key, () => Store.PutManyAsync([(key, () => new MemoryStream(Bytes(1)), Png)], 2));
        Assert.Empty(await ListAsync(""));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/tiles/")]
    [InlineData("../")]
    [InlineData("tiles/../")]
    [InlineData("tiles//")]
    [InlineData("a\\")]
    public async Task Invalid_prefixes_are_rejected_by_list_and_delete(string prefix)
    {
        await AssertInvalidAsync(prefix, async () => await ListAsync(prefix));
        await AssertInvalidAsync(prefix, () => Store.DeletePrefixAsync(prefix));
    }

    private static async Task AssertInvalidAsync(string key, Func<Task> action)
    {
        var ex = await Assert.ThrowsAsync<InvalidObjectKeyException>(action);
        Assert.Equal(key, ex.Key);
        Assert.False(string.IsNullOrEmpty(ex.Reason));
        Assert.Contains(ex.Reason!, ex.Message, StringComparison.Ordinal);
    }
}
