namespace EarthData.Gdal;

/// <summary>A GDAL call failed; the message names the operation and file and carries GDAL's own text.</summary>
public class GdalException : Exception
{
    /// <summary>Creates an exception without details.</summary>
    public GdalException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public GdalException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    public GdalException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception carrying GDAL's error number and message.</summary>
    /// <param name="message">Context (operation, path) followed by GDAL's message.</param>
    /// <param name="errorNumber">The <c>CPLErrorNum</c> of the last failure GDAL reported.</param>
    /// <param name="gdalMessage">GDAL's own message text, or null when GDAL gave none.</param>
    public GdalException(string message, int errorNumber, string? gdalMessage)
        : base(message)
    {
        ErrorNumber = errorNumber;
        GdalMessage = gdalMessage;
    }

    /// <summary>GDAL's <c>CPLErrorNum</c> (e.g. 1 = CPLE_AppDefined, 4 = CPLE_OpenFailed, 6 = CPLE_NotSupported); 0 when unknown.</summary>
    public int ErrorNumber { get; }

    /// <summary>The message(s) GDAL raised for this failure, or null.</summary>
    public string? GdalMessage { get; }
}
