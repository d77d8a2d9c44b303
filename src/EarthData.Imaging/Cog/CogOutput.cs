namespace EarthData.Imaging.Cog;

/// <summary>What the pixels of a COG hold.</summary>
public enum CogOutput
{
    /// <summary>The source's digital numbers, data type unchanged.</summary>
    Dn,

    /// <summary>TOA reflectance as Float32 (nodata 0).</summary>
    ReflectanceFloat32,

    /// <summary>TOA reflectance × 10 000 as Int16, band scale 1e-4 and offset 0 (nodata 0).</summary>
    ReflectanceInt16,
}
