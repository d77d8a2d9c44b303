namespace EarthData.Imaging.Expressions;

/// <summary>A band-math expression that cannot be parsed or is too large; the message names the position.</summary>
public sealed class InvalidExpressionException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public InvalidExpressionException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public InvalidExpressionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public InvalidExpressionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a problem at a 0-based character position.</summary>
    public InvalidExpressionException(string message, int position)
        : base(position >= 0 ? $"{message} (at character {position + 1})" : message)
    {
        Position = position;
    }

    /// <summary>The 0-based character position of the problem, or −1 when it concerns the whole expression.</summary>
    public int Position { get; } = -1;
}
