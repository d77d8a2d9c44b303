namespace EarthData.Gdal.Tests;

[Collection(GdalGlobalState.Name)]
public sealed class GdalRuntimeTests
{
    [Fact]
    public void EnsureInitialized_IsIdempotent_WhenCalledFromManyThreads()
    {
        Parallel.For(0, 8, _ => GdalRuntime.EnsureInitialized());

        Assert.True(GdalDrivers.IsAvailable("GTiff"));
    }

    [Fact]
    public void Version_StartsWithInstalledRelease()
    {
        Assert.StartsWith("3.", GdalRuntime.Version, StringComparison.Ordinal);
    }

    [Fact]
    public void SetConfigOption_RoundTrips_AndNullRemovesIt()
    {
        const string key = "EARTHDATA_TEST_OPTION";
        GdalRuntime.SetConfigOption(key, "42");
        Assert.Equal("42", GdalRuntime.GetConfigOption(key));

        GdalRuntime.SetConfigOption(key, null);
        Assert.Null(GdalRuntime.GetConfigOption(key));
    }

    [Fact]
    public void GetConfigOption_ReturnsOnlyValuesThatWereSet_WhileAnotherThreadSetsTheOption()
    {
        const string key = "EARTHDATA_TEST_RACED_OPTION";
        var values = Enumerable.Range(0, 8).Select(i => new string((char)('a' + i), 64 + (i * 32))).ToArray();
        GdalRuntime.SetConfigOption(key, values[0]);
        using var stop = new CancellationTokenSource();
        var writer = new Thread(() =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                GdalRuntime.SetConfigOption(key, values[i % values.Length]);
            }
        });
        writer.Start();

        try
        {
            for (var i = 0; i < 20_000; i++)
            {
                var read = GdalRuntime.GetConfigOption(key);
                Assert.Contains(read, values);
            }
        }
        finally
        {
            stop.Cancel();
            writer.Join();
            GdalRuntime.SetConfigOption(key, null);
        }
    }

    [Fact]
    public void SetCacheMax_Throws_WhenNegative()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => GdalRuntime.SetCacheMax(-1));
        GdalRuntime.SetCacheMax(256L * 1024 * 1024);
    }

    [Fact]
    public void GdalNotAvailableException_NamesDebianPackages()
    {
        var ex = new GdalNotAvailableException();

        Assert.Contains("libgdal32", ex.Message, StringComparison.Ordinal);
        Assert.Contains("gdal-bin", ex.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<GdalException>(ex);
    }

    [Fact]
    public void IsAvailable_ReturnsFalse_WhenDriverUnknown()
    {
        Assert.False(GdalDrivers.IsAvailable("NoSuchDriver"));
        Assert.True(GdalDrivers.IsAvailable("Memory"));
    }
}
