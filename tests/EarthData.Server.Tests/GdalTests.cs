namespace EarthData.Server.Tests;

/// <summary>Tests that run GDAL in this process (COG writing) share one non-parallel collection.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GdalTests
{
    public const string Name = "GDAL";
}
