namespace EarthData.Jobs.State;

/// <summary>No scene record has this id.</summary>
public sealed class SceneNotFoundException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SceneNotFoundException()
    {
    }

    /// <summary>Creates the exception naming the scene.</summary>
    public SceneNotFoundException(string sceneId)
        : base($"scene '{sceneId}' is not known")
    {
        SceneId = sceneId;
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public SceneNotFoundException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The scene id asked for.</summary>
    public string? SceneId { get; }
}
