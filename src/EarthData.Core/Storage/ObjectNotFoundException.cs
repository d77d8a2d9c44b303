namespace EarthData.Core.Storage;

/// <summary>No object is stored under the key.</summary>
public class ObjectNotFoundException : ObjectStoreException
{
    /// <summary>Creates the exception with a generic message.</summary>
    public ObjectNotFoundException()
        : base("The object does not exist.")
    {
    }

    /// <summary>Creates the exception for the missing <paramref name="key"/>.</summary>
    /// <param name="key">The key that holds no object.</param>
    public ObjectNotFoundException(string key)
        : base($"No object is stored under '{key}'.", key)
    {
    }

    /// <summary>Creates the exception with a message and the failure that caused it.</summary>
    /// <param name="message">What is missing.</param>
    /// <param name="innerException">The backend's failure.</param>
    public ObjectNotFoundException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for the missing <paramref name="key"/> with the backend's failure.</summary>
    /// <param name="key">The key that holds no object.</param>
    /// <param name="innerException">The backend's failure.</param>
    /// <param name="location">Where the store looked (path or container), or <see langword="null"/>.</param>
    public ObjectNotFoundException(string key, Exception? innerException, string? location)
        : base($"No object is stored under '{key}'{(location is null ? "" : $" ({location})")}.", key, innerException)
    {
    }
}
