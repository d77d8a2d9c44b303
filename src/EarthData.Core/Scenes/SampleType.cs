using System.Diagnostics.CodeAnalysis;

namespace EarthData.Core.Scenes;

/// <summary>Pixel data type of a raster band (independent of any raster library).</summary>
public enum SampleType
{
    /// <summary>Unsigned 8-bit integer.</summary>
    Byte,

    /// <summary>Signed 16-bit integer.</summary>
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Names follow raster data type names.")]
    Int16,

    /// <summary>Unsigned 16-bit integer.</summary>
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Names follow raster data type names.")]
    UInt16,

    /// <summary>32-bit IEEE floating point.</summary>
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Names follow raster data type names.")]
    Float32,
}
