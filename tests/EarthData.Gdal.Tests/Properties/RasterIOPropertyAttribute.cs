using FsCheck.Xunit;

namespace EarthData.Gdal.Tests.Properties;

/// <summary>
/// An FsCheck property over <see cref="RasterIOArbitraries"/>: a fixed seed and <see cref="DefaultTests"/> cases by
/// default (reproducible in CI); <c>EARTHDATA_PROPERTY_TESTS=N</c> runs N cases and <c>EARTHDATA_PROPERTY_SEED=random</c>
/// (or a seed FsCheck printed, e.g. <c>(123,457)</c>) changes the seed.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RasterIOPropertyAttribute : PropertyAttribute
{
    public const string TestsVariable = "EARTHDATA_PROPERTY_TESTS";
    public const string SeedVariable = "EARTHDATA_PROPERTY_SEED";
    public const int DefaultTests = 1000;
    public const string FixedSeed = "(14725301896307526193,10061788493240839611)";

    public RasterIOPropertyAttribute()
    {
        Arbitrary = [typeof(RasterIOArbitraries)];
        MaxTest = int.TryParse(Environment.GetEnvironmentVariable(TestsVariable), out var tests) && tests > 0 ? tests : DefaultTests;
        var seed = Environment.GetEnvironmentVariable(SeedVariable);
        Replay = string.IsNullOrWhiteSpace(seed) ? FixedSeed : seed.Equals("random", StringComparison.OrdinalIgnoreCase) ? null : seed;
        QuietOnSuccess = true;
    }
}
