namespace EarthData.Gdal;

/// <summary>How a dataset is opened.</summary>
public enum GdalAccess
{
    /// <summary>Read only.</summary>
    ReadOnly = 0,

    /// <summary>Read and write (<c>GDAL_OF_UPDATE</c>).</summary>
    Update = 1,
}
