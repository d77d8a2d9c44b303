namespace EarthData.Core;

/// <summary>
/// A scene, or one of its files, is not a valid CBERS archive product: a metadata file is malformed,
/// lacks a required element or holds a value that cannot be read, or band files are missing.
/// The message names the file and element; the same context is available as properties.
/// </summary>
public class InvalidSceneException : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public InvalidSceneException()
        : base("The scene is invalid.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong, naming the file and element.</param>
    public InvalidSceneException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the failure that caused it.</summary>
    /// <param name="message">What is wrong, naming the file and element.</param>
    /// <param name="innerException">The underlying failure.</param>
    public InvalidSceneException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with its context.</summary>
    /// <param name="message">What is wrong, naming the file and element.</param>
    /// <param name="fileName">The file (or source name) at fault, when known.</param>
    /// <param name="element">The element path (e.g. <c>prdf/image/sunPosition/elevation</c>), when known.</param>
    /// <param name="sceneId">The scene id, when known.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public InvalidSceneException(string message, string? fileName, string? element, string? sceneId, Exception? innerException = null)
        : base(message, innerException)
    {
        FileName = fileName;
        Element = element;
        SceneId = sceneId;
    }

    /// <summary>The file or source name at fault, when known.</summary>
    public string? FileName { get; }

    /// <summary>The slash-separated element path at fault (e.g. <c>prdf/image/level</c>), when known.</summary>
    public string? Element { get; }

    /// <summary>The scene id as text, when known.</summary>
    public string? SceneId { get; }

    /// <summary>The 1-based line in the file where the problem was found, when known.</summary>
    public int? LineNumber { get; init; }
}
