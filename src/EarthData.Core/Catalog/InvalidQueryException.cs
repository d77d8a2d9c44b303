namespace EarthData.Core.Catalog;

/// <summary>A search request or filter is invalid; <see cref="Parameter"/> names the offending part (e.g. <c>filter/args/1</c>, <c>limit</c>).</summary>
public sealed class InvalidQueryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InvalidQueryException()
        : this("The query is invalid.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public InvalidQueryException(string message)
        : this(message, null, null)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public InvalidQueryException(string message, Exception? innerException)
        : this(message, null, innerException)
    {
    }

    /// <summary>Creates the exception naming the offending parameter or filter path.</summary>
    /// <param name="message">What is wrong, including the part.</param>
    /// <param name="parameter">The parameter (<c>bbox</c>, <c>token</c>) or filter path (<c>filter/args/0</c>).</param>
    /// <param name="innerException">The cause.</param>
    public InvalidQueryException(string message, string? parameter, Exception? innerException = null)
        : base(message, innerException)
    {
        Parameter = parameter;
    }

    /// <summary>The offending parameter or filter path, when known.</summary>
    public string? Parameter { get; }
}
