namespace EarthData.Jobs.Pipeline;

/// <summary>Publishing a scene failed; the scene record says <c>Failed</c> with the same reason and no item was written.</summary>
public class ScenePublishException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ScenePublishException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ScenePublishException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public ScenePublishException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a scene.</summary>
    /// <param name="sceneId">The scene.</param>
    /// <param name="step">What was being done (<c>upload</c>, <c>catalogue</c>, <c>static catalogue</c>).</param>
    /// <param name="retryable">Whether retrying may succeed.</param>
    /// <param name="message">The reason, one line.</param>
    /// <param name="innerException">The cause.</param>
    public ScenePublishException(string sceneId, string step, bool retryable, string message, Exception? innerException)
        : base(message, innerException)
    {
        SceneId = sceneId;
        Step = step;
        Retryable = retryable;
    }

    /// <summary>The scene, when known.</summary>
    public string? SceneId { get; }

    /// <summary>What was being done when it failed.</summary>
    public string? Step { get; }

    /// <summary>Whether retrying may succeed.</summary>
    public bool Retryable { get; }
}
