using System.Globalization;

namespace EarthData.Server.Composition;

/// <summary>Reads typed settings from configuration, collecting one readable problem per bad value.</summary>
internal sealed class SettingsReader(IConfiguration configuration)
{
    public List<string> Problems { get; } = [];

    public string? Text(string key) => configuration[key] is { Length: > 0 } text ? text.Trim() : null;

    public int? Int(string key, int min, int max)
    {
        if (Text(key) is not { } text)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        Problems.Add($"{key}: '{text}' is not a whole number in {min}-{max}");
        return null;
    }

    public TimeSpan? Duration(string key)
    {
        if (Text(key) is not { } text)
        {
            return null;
        }

        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value >= TimeSpan.Zero)
        {
            return value;
        }

        Problems.Add($"{key}: '{text}' is not a duration (hh:mm:ss)");
        return null;
    }

    public bool? Bool(string key)
    {
        if (Text(key) is not { } text)
        {
            return null;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        Problems.Add($"{key}: '{text}' is not true or false");
        return null;
    }

    public Uri? AbsoluteUrl(string key, params string[] schemes)
    {
        if (Text(key) is not { } text)
        {
            return null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && schemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase))
        {
            return uri;
        }

        var names = string.Join(" or ", schemes).Replace("http or https", "http(s)", StringComparison.Ordinal);
        Problems.Add($"{key}: '{text}' is not an absolute {names} URL");
        return null;
    }

    public T? Enum<T>(string key)
        where T : struct, Enum
    {
        if (Text(key) is not { } text)
        {
            return null;
        }

        if (System.Enum.TryParse<T>(text, ignoreCase: true, out var value) && System.Enum.IsDefined(value) && !char.IsAsciiDigit(text[0]))
        {
            return value;
        }

        Problems.Add($"{key}: '{text}' is not one of {string.Join(", ", System.Enum.GetNames<T>())}");
        return null;
    }
}
