namespace EarthData.Core.Scenes;

/// <summary>
/// A scene id or band file name does not follow the archive grammar
/// <c>CBERS_{4|4A}_{CAMERA}_{yyyyMMdd}_{PPP}_{RRR}_{LEVEL}[_LEFT|_RIGHT]</c>.
/// The message quotes the input and names the part that is wrong.
/// </summary>
public class InvalidSceneIdException : FormatException
{
    /// <summary>Creates the exception with a generic message.</summary>
    public InvalidSceneIdException()
        : base("The scene id is invalid.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public InvalidSceneIdException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the failure that caused it.</summary>
    public InvalidSceneIdException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for <paramref name="input"/> with the failing <paramref name="part"/>.</summary>
    /// <param name="input">The text that failed to parse.</param>
    /// <param name="part">The grammar part at fault (e.g. <c>acquisition date</c>).</param>
    /// <param name="problem">What is wrong with that part, e.g. <c>acquisition date '2017' is not yyyyMMdd</c>.</param>
    public InvalidSceneIdException(string input, string part, string problem)
        : base($"'{input}': {problem}")
    {
        Input = input;
        Part = part;
    }

    /// <summary>The text that failed to parse, when known.</summary>
    public string? Input { get; }

    /// <summary>The grammar part at fault (<c>prefix</c>, <c>satellite</c>, <c>camera</c>, <c>acquisition date</c>, <c>path</c>, <c>row</c>, <c>level</c>, <c>optics</c>, <c>band</c>, <c>extension</c>, <c>structure</c>).</summary>
    public string? Part { get; }
}
