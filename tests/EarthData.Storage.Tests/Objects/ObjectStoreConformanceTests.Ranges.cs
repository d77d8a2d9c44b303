using EarthData.Core.Storage;

namespace EarthData.Storage.Tests.Objects;

/// <content>Byte ranges, with HTTP semantics: truncated at the end, 416 when starting at or past it.</content>
public abstract partial class ObjectStoreConformanceTests
{
    [Fact]
    public async Task Get_with_offset_and_length_serves_exactly_those_bytes()
    {
        var bytes = Bytes(1000);
        await Store.PutAsync("r.bin", bytes, Png);

        await using var stored = await Store.GetAsync("r.bin", new ByteRange(100, 50));

        Assert.Equal(new ByteRange(100, 50), stored.Range);
        Assert.Equal(50, stored.ContentLength);
        Assert.Equal(1000, stored.Properties.Length);
        Assert.Equal("image/png", stored.Properties.ContentType);
        Assert.Equal(bytes[100..150], await ReadAllAsync(stored));
    }

    [Fact]
    public async Task Get_with_an_open_ended_range_serves_to_the_end()
    {
        var bytes = Bytes(1000);
        await Store.PutAsync("r.bin", bytes, Png);

        await using var stored = await Store.GetAsync("r.bin", ByteRange.From(900));

        Assert.Equal(new ByteRange(900, 100), stored.Range);
        Assert.Equal(bytes[900..], await ReadAllAsync(stored));
    }

    [Fact]
    public async Task Get_with_a_range_reaching_past_the_end_is_truncated_to_the_end()
    {
        var bytes = Bytes(1000);
        await Store.PutAsync("r.bin", bytes, Png);

        await using var stored = await Store.GetAsync("r.bin", new ByteRange(990, 500));

        Assert.Equal(new ByteRange(990, 10), stored.Range);
        Assert.Equal(bytes[990..], await ReadAllAsync(stored));
    }

    [Theory]
    [InlineData(1000L, null)]
    [InlineData(1000L, 1L)]
    [InlineData(5000L, 10L)]
    public async Task Get_with_a_range_starting_at_or_past_the_end_is_not_satisfiable(long offset, long? length)
    {
        await Store.PutAsync("r.bin", Bytes(1000), Png);

        var ex = await Assert.ThrowsAsync<ObjectRangeNotSatisfiableException>(() => Store.GetAsync("r.bin", new ByteRange(offset, length)));

        Assert.Equal("r.bin", ex.Key);
        Assert.Equal(1000, ex.ObjectLength);
        Assert.Contains("r.bin", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_with_a_range_of_an_empty_object_is_not_satisfiable()
    {
        await Store.PutAsync("empty", ReadOnlyMemory<byte>.Empty, Png);

        await Assert.ThrowsAsync<ObjectRangeNotSatisfiableException>(() => Store.GetAsync("empty", ByteRange.From(0)));
    }

    [Fact]
    public async Task Get_with_a_range_of_a_missing_key_throws_not_found()
    {
        await Assert.ThrowsAsync<ObjectNotFoundException>(() => Store.GetAsync("missing.bin", new ByteRange(0, 10)));
    }
}
