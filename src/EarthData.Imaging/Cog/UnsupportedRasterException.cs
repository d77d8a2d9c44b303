namespace EarthData.Imaging.Cog;

/// <summary>A COG source that is not a raster GDAL can read, or has no bands or a data type a map COG cannot hold.</summary>
public class UnsupportedRasterException : Exception
{
    /// <summary>Creates an exception without details.</summary>
    public UnsupportedRasterException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public UnsupportedRasterException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    public UnsupportedRasterException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception naming the raster.</summary>
    /// <param name="message">What is wrong, naming the raster.</param>
    /// <param name="rasterPath">The source as given.</param>
    /// <param name="innerException">GDAL's failure, when there was one.</param>
    public UnsupportedRasterException(string message, string rasterPath, Exception? innerException = null)
        : base(message, innerException)
    {
        RasterPath = rasterPath;
    }

    /// <summary>The source as given, when known.</summary>
    public string? RasterPath { get; }
}
