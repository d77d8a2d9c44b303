namespace EarthData.Core.Storage;

/// <summary>
/// A put with <see cref="OverwriteMode.CreateOnly"/> found an object under its key. The existing object
/// is left untouched.
/// </summary>
public class ObjectAlreadyExistsException : ObjectStoreException
{
    /// <summary>Creates the exception with a generic message.</summary>
    public ObjectAlreadyExistsException()
        : base("The object already exists.")
    {
    }

    /// <summary>Creates the exception for the occupied <paramref name="key"/>.</summary>
    /// <param name="key">The key that already holds an object.</param>
    public ObjectAlreadyExistsException(string key)
        : base($"An object is already stored under '{key}' and the put asked for {nameof(OverwriteMode.CreateOnly)}.", key)
    {
    }

    /// <summary>Creates the exception with a message and the failure that caused it.</summary>
    /// <param name="message">What collided.</param>
    /// <param name="innerException">The backend's failure.</param>
    public ObjectAlreadyExistsException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for the occupied <paramref name="key"/> with the backend's failure.</summary>
    /// <param name="key">The key that already holds an object.</param>
    /// <param name="innerException">The backend's failure.</param>
    /// <param name="location">Where the store keeps the object (path or container), or <see langword="null"/>.</param>
    public ObjectAlreadyExistsException(string key, Exception? innerException, string? location)
        : base($"An object is already stored under '{key}'{(location is null ? "" : $" ({location})")} and the put asked for {nameof(OverwriteMode.CreateOnly)}.", key, innerException)
    {
    }
}
