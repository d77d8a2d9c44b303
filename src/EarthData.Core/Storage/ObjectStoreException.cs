namespace EarthData.Core.Storage;

/// <summary>
/// An object store operation failed. The message names the key and the operation;
/// <see cref="Exception.InnerException"/> holds the backend's own failure when there is one.
/// </summary>
public class ObjectStoreException : IOException
{
    /// <summary>Creates the exception with a generic message.</summary>
    public ObjectStoreException()
        : base("The object store operation failed.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What failed, naming the key.</param>
    public ObjectStoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the failure that caused it.</summary>
    /// <param name="message">What failed, naming the key.</param>
    /// <param name="innerException">The backend's failure.</param>
    public ObjectStoreException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for one key.</summary>
    /// <param name="message">What failed, naming the key.</param>
    /// <param name="key">The object key concerned.</param>
    /// <param name="innerException">The backend's failure, if any.</param>
    public ObjectStoreException(string message, string? key, Exception? innerException = null)
        : base(message, innerException)
    {
        Key = key;
    }

    /// <summary>The object key concerned, when known.</summary>
    public string? Key { get; }
}
