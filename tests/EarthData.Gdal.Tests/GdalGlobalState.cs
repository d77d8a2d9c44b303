namespace EarthData.Gdal.Tests;

/// <summary>Tests that change process-global GDAL state (config options, cache) run here, one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GdalGlobalState
{
    public const string Name = "GDAL global state";
}
