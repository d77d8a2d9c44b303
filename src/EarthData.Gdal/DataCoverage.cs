namespace EarthData.Gdal;

/// <summary>What a driver knows about the data in a window without reading it (<c>GDAL_DATA_COVERAGE_STATUS_*</c>).</summary>
[Flags]
public enum DataCoverage
{
    /// <summary>Nothing reported.</summary>
    None = 0,

    /// <summary>The driver cannot tell (MEM, VRT…): the window must be read.</summary>
    Unimplemented = 0x01,

    /// <summary>Part of the window is backed by stored data.</summary>
    Data = 0x02,

    /// <summary>Part of the window holds no stored data (a sparse GTiff block): it reads as nodata, or 0 without nodata.</summary>
    Empty = 0x04,
}
