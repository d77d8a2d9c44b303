using EarthData.Core.Storage;

namespace EarthData.Storage.Tests.Objects;

public sealed class ObjectKeyTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("tiles/CBERS4-MUX/CBERS_4_MUX_20170528_090_084_L2/true-color/9/183/271.png")]
    [InlineData(".well-known/x")]
    [InlineData("a/..b/c..")]
    [InlineData("São Paulo/🌎.json")]
    public void Validate_accepts_relative_slash_separated_keys(string key)
    {
        Assert.Same(key, ObjectKey.Validate(key));
        Assert.True(ObjectKey.IsValid(key, out var reason));
        Assert.Null(reason);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("../x", "segment '..'")]
    [InlineData("./a", "segment '.'")]
    [InlineData("/abs", "starts with '/'")]
    [InlineData("a//b", "empty segment")]
    [InlineData("a/", "ends with '/'")]
    [InlineData("a\\b", "backslash at position 1")]
    [InlineData("a\0b", "NUL character at position 1")]
    [InlineData("a\u007fb", "control character U+007F")]
    [InlineData("C:/x", "drive letter")]
    public void Validate_names_the_key_and_the_reason(string key, string reason)
    {
        var ex = Assert.Throws<InvalidObjectKeyException>(() => ObjectKey.Validate(key));

        Assert.Equal(key, ex.Key);
        Assert.Contains(reason, ex.Reason, StringComparison.Ordinal);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        Assert.Equal("key", ex.ParamName);
        Assert.DoesNotContain("\0", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_refuses_unpaired_surrogates_which_no_backend_can_encode()
    {
        // Built here: xunit's theory serialization would replace the lone surrogate with U+FFFD.
        var key = "a" + '\ud800' + "b";

        var ex = Assert.Throws<InvalidObjectKeyException>(() => ObjectKey.Validate(key));

        Assert.Contains("unpaired surrogate at position 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_refuses_keys_over_1024_characters()
    {
        ObjectKey.Validate(new string('k', 1024));

        var ex = Assert.Throws<InvalidObjectKeyException>(() => ObjectKey.Validate(new string('k', 1025)));

        Assert.Contains("1025 characters long, the limit is 1024", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("tiles/")]
    [InlineData("tiles/a")]
    public void ValidatePrefix_allows_empty_and_trailing_slash(string prefix) => Assert.Same(prefix, ObjectKey.ValidatePrefix(prefix));

    [Fact]
    public void Combine_joins_fragments_with_single_slashes()
    {
        Assert.Equal("cogs/CBERS4-MUX/item/B5.tif", ObjectKey.Combine("cogs", "CBERS4-MUX", "item", "B5.tif"));
        Assert.Equal("tiles/c/9/183/271.png", ObjectKey.Combine("tiles/", "c/", "9/183/271.png"));
        Assert.Equal("stac", ObjectKey.Combine("stac/"));
    }

    [Theory]
    [InlineData("tiles", "")]
    [InlineData("tiles", "..")]
    [InlineData("tiles", "/abs")]
    [InlineData("a\\b", "c")]
    public void Combine_refuses_fragments_that_make_an_invalid_key(string first, string second) =>
        Assert.Throws<InvalidObjectKeyException>(() => ObjectKey.Combine(first, second));

    [Fact]
    public void ByteRange_validates_and_prints_as_an_HTTP_range()
    {
        Assert.Equal("bytes=0-99", new ByteRange(0, 100).ToString());
        Assert.Equal("bytes=100-", ByteRange.From(100).ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => new ByteRange(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ByteRange(0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ByteRange(10, long.MaxValue));
    }

    [Fact]
    public void ByteRange_resolves_against_an_object_length_with_HTTP_semantics()
    {
        Assert.Equal(new ByteRange(990, 10), new ByteRange(990, 500).Resolve(1000, "k"));
        Assert.Equal(new ByteRange(5, 995), ByteRange.From(5).Resolve(1000, "k"));
        var ex = Assert.Throws<ObjectRangeNotSatisfiableException>(() => ByteRange.From(1000).Resolve(1000, "k"));
        Assert.Equal("Range bytes=1000- of 'k' starts at or after the end of the object (1000 bytes).", ex.Message);
    }
}
