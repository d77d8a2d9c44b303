using System.Globalization;
using System.Text.RegularExpressions;

namespace EarthData.Core.Catalog;

/// <summary>
/// Strict RFC 3339 instants: <c>2024-03-10T13:00:00Z</c>, with optional fraction and a <c>Z</c> or <c>±hh:mm</c> offset
/// (a space or lower-case <c>t</c>/<c>z</c> accepted as RFC 3339 §5.6 allows), and full dates <c>2024-03-10</c> (midnight UTC).
/// Free text such as <c>March 10 2024</c> or <c>10/03/2024</c>, which .NET's lenient parser would accept, is refused.
/// </summary>
internal static partial class Rfc3339
{
    /// <summary>Parses <paramref name="text"/> to a UTC instant; false when it is not RFC 3339.</summary>
    public static bool TryParse(string? text, out DateTime utc)
    {
        utc = default;
        if (text is null || text.Length > 40)
        {
            return false;
        }

        if (FullDatePattern().IsMatch(text))
        {
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return false;
            }

            utc = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            return true;
        }

        if (!DateTimePattern().IsMatch(text)
            || !DateTimeOffset.TryParse(text.ToUpperInvariant().Replace(' ', 'T'), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            return false;
        }

        utc = value.UtcDateTime;
        return true;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex FullDatePattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimePattern();
}
