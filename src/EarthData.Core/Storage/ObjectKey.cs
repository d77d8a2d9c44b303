namespace EarthData.Core.Storage;

/// <summary>
/// Rules for object keys, shared by every <see cref="IObjectStore"/>. A key is a relative,
/// '/'-separated path such as <c>tiles/CBERS4-MUX/CBERS_4_MUX_20170528_090_084_L2/true-color/9/183/271.png</c>:
/// at most <see cref="MaxLength"/> characters, no empty, <c>.</c> or <c>..</c> segments, no leading
/// or doubled '/', no backslash, no NUL or other control character, no unpaired surrogate and no
/// drive letter. So a key can never escape the prefix or directory it is resolved against.
/// </summary>
public static class ObjectKey
{
    /// <summary>The longest key accepted, in UTF-16 characters (Azure Blob's limit for blob names).</summary>
    public const int MaxLength = 1024;

    /// <summary>Checks <paramref name="key"/> and returns it unchanged.</summary>
    /// <param name="key">The key to check.</param>
    /// <param name="paramName">The caller's parameter name, for the exception.</param>
    /// <returns><paramref name="key"/>.</returns>
    /// <exception cref="InvalidObjectKeyException">The key breaks a rule; the message says which.</exception>
    public static string Validate(string key, string? paramName = "key")
    {
        if (Check(key, isPrefix: false) is { } reason)
        {
            throw new InvalidObjectKeyException(key ?? string.Empty, reason, paramName);
        }

        return key!;
    }

    /// <summary>
    /// Checks a key prefix for listing or deleting. A prefix follows the key rules, except that it may be
    /// empty (everything) and may end with '/' (everything under a "folder"). Prefixes match keys as plain
    /// string prefixes: <c>tiles/a</c> matches <c>tiles/ab/0.png</c>, <c>tiles/a/</c> does not.
    /// </summary>
    /// <param name="prefix">The prefix to check.</param>
    /// <param name="paramName">The caller's parameter name, for the exception.</param>
    /// <returns><paramref name="prefix"/>.</returns>
    /// <exception cref="InvalidObjectKeyException">The prefix breaks a rule; the message says which.</exception>
    public static string ValidatePrefix(string prefix, string? paramName = "prefix")
    {
        if (Check(prefix, isPrefix: true) is { } reason)
        {
            throw new InvalidObjectKeyException(prefix ?? string.Empty, reason, paramName);
        }

        return prefix!;
    }

    /// <summary>Whether <paramref name="key"/> is a valid key.</summary>
    /// <param name="key">The key to check.</param>
    /// <param name="reason">Why it is invalid, or <see langword="null"/> when it is valid.</param>
    public static bool IsValid(string? key, out string? reason)
    {
        reason = Check(key, isPrefix: false);
        return reason is null;
    }

    /// <summary>
    /// Joins key fragments with '/' and validates the result, e.g.
    /// <c>Combine("cogs", collection, item, "B5.tif")</c>. A fragment may itself contain '/'
    /// (<c>"9/183/271.png"</c>); one trailing '/' on a fragment is not doubled.
    /// </summary>
    /// <param name="parts">The fragments, none empty.</param>
    /// <returns>The validated key.</returns>
    /// <exception cref="InvalidObjectKeyException">A fragment is empty or the joined key breaks a rule.</exception>
    public static string Combine(params string[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Length == 0)
        {
            throw new InvalidObjectKeyException(string.Empty, "no key fragments were given", nameof(parts));
        }

        var builder = new System.Text.StringBuilder();
        foreach (var part in parts)
        {
            if (string.IsNullOrEmpty(part))
            {
                throw new InvalidObjectKeyException(string.Join('/', parts.Select(p => p ?? string.Empty)), "a key fragment is empty", nameof(parts));
            }

            if (builder.Length > 0 && builder[^1] != '/')
            {
                builder.Append('/');
            }

            builder.Append(part);
        }

        if (builder[^1] == '/')
        {
            builder.Length--;
        }

        return Validate(builder.ToString(), nameof(parts));
    }

    private static string? Check(string? key, bool isPrefix)
    {
        if (key is null)
        {
            return "it is null";
        }

        if (key.Length == 0)
        {
            return isPrefix ? null : "it is empty";
        }

        if (key.Length > MaxLength)
        {
            return $"it is {key.Length} characters long, the limit is {MaxLength}";
        }

        if (key[0] == '/')
        {
            return "it starts with '/' (keys are relative)";
        }

        if (key.Length >= 2 && key[1] == ':' && char.IsAsciiLetter(key[0]))
        {
            return "it starts with a drive letter (keys are relative)";
        }

        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            if (c == '\\')
            {
                return $"it contains a backslash at position {i} (the separator is '/')";
            }

            if (char.IsControl(c))
            {
                return c == '\0'
                    ? $"it contains a NUL character at position {i}"
                    : $"it contains the control character U+{(int)c:X4} at position {i}";
            }

            if (char.IsHighSurrogate(c) && i + 1 < key.Length && char.IsLowSurrogate(key[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return $"it contains an unpaired surrogate at position {i}";
            }
        }

        var segments = key.Split('/');
        var last = segments.Length - 1;
        for (var s = 0; s <= last; s++)
        {
            var segment = segments[s];
            if (segment.Length == 0)
            {
                if (isPrefix && s == last)
                {
                    continue; // "tiles/" lists a folder
                }

                return s == last ? "it ends with '/'" : "it contains an empty segment ('//')";
            }

            if (segment is "." or "..")
            {
                return $"segment '{segment}' is not allowed";
            }
        }

        return null;
    }
}
