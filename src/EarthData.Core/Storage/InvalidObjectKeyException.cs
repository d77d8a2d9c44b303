namespace EarthData.Core.Storage;

/// <summary>
/// An object key (or key prefix) breaks the rules of <see cref="ObjectKey"/>: it could escape its
/// prefix, name a path outside the store, or not be representable in every backend. The message
/// quotes the key and gives the reason.
/// </summary>
public class InvalidObjectKeyException : ArgumentException
{
    /// <summary>Creates the exception with a generic message.</summary>
    public InvalidObjectKeyException()
        : base("The object key is invalid.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong with the key.</param>
    public InvalidObjectKeyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the failure that caused it.</summary>
    /// <param name="message">What is wrong with the key.</param>
    /// <param name="innerException">The underlying failure.</param>
    public InvalidObjectKeyException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for <paramref name="key"/> with the <paramref name="reason"/> it is refused.</summary>
    /// <param name="key">The refused key (quoted in the message, control characters escaped).</param>
    /// <param name="reason">Why it is refused, e.g. <c>segment '..' is not allowed</c>.</param>
    /// <param name="paramName">The parameter that carried the key.</param>
    public InvalidObjectKeyException(string key, string reason, string? paramName)
        : base($"Invalid object key '{Printable(key)}': {reason}.", paramName)
    {
        Key = key;
        Reason = reason;
    }

    /// <summary>The refused key, when known.</summary>
    public string? Key { get; }

    /// <summary>Why the key is refused, when known.</summary>
    public string? Reason { get; }

    private static string Printable(string key)
    {
        const int MaxShown = 120;
        var shown = key.Length > MaxShown ? string.Concat(key.AsSpan(0, MaxShown), "…") : key;
        if (!shown.Any(char.IsControl))
        {
            return shown;
        }

        var builder = new System.Text.StringBuilder(shown.Length + 8);
        foreach (var c in shown)
        {
            if (char.IsControl(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
