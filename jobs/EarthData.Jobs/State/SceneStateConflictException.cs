using EarthData.Core.Catalog;

namespace EarthData.Jobs.State;

/// <summary>A state change is not allowed from the scene's current state (e.g. retrying a scene that did not fail).</summary>
public sealed class SceneStateConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SceneStateConflictException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SceneStateConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public SceneStateConflictException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a scene's record.</summary>
    public SceneStateConflictException(SceneRecord record, string message)
        : base(message)
    {
        Record = record;
    }

    /// <summary>The record as it is.</summary>
    public SceneRecord? Record { get; }
}
