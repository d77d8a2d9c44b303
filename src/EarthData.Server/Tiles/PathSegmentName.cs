namespace EarthData.Server.Tiles;

/// <summary>
/// The names a tile path may carry as collection, item or layer: 1–128 ASCII letters, digits, '_', '-' and '.', not
/// starting with '.', so no name can climb out of its prefix or smuggle a separator into an object key.
/// </summary>
internal static class PathSegmentName
{
    private const int MaxLength = 128;

    /// <summary>Whether <paramref name="name"/> is a safe segment; <paramref name="reason"/> says why not.</summary>
    public static bool IsValid(string? name, out string reason)
    {
        if (string.IsNullOrEmpty(name))
        {
            reason = "it is empty";
            return false;
        }

        if (name.Length > MaxLength)
        {
            reason = $"it is longer than {MaxLength} characters";
            return false;
        }

        if (name[0] == '.')
        {
            reason = "it starts with '.'";
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
            {
                reason = $"it contains '{c}' (allowed: letters, digits, '_', '-', '.')";
                return false;
            }
        }

        reason = string.Empty;
        return true;
    }
}
