namespace EarthData.Gdal;

/// <summary>The native GDAL library (libgdal) could not be loaded.</summary>
public sealed class GdalNotAvailableException : GdalException
{
    internal const string DefaultMessage =
        "The GDAL native library could not be loaded (tried libgdal.so.32, libgdal.so, gdal). "
        + "Install GDAL 3.6+ from Debian: apt-get install libgdal32 gdal-bin.";

    /// <summary>Creates the exception with the standard installation hint.</summary>
    public GdalNotAvailableException()
        : base(DefaultMessage)
    {
    }

    /// <summary>Creates the exception with a custom message.</summary>
    public GdalNotAvailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a custom message and the load failure.</summary>
    public GdalNotAvailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
