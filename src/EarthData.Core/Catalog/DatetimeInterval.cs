namespace EarthData.Core.Catalog;

/// <summary>A closed datetime interval (UTC) with optional open ends; an instant has <see cref="Start"/> = <see cref="End"/>.</summary>
/// <param name="Start">Earliest instant, or null for open.</param>
/// <param name="End">Latest instant, or null for open.</param>
public sealed record DatetimeInterval(DateTime? Start, DateTime? End)
{
    /// <summary>Whether <paramref name="instant"/> lies inside the interval (ends included).</summary>
    public bool Contains(DateTime instant) => (Start is not { } s || instant >= s) && (End is not { } e || instant <= e);

    /// <summary>
    /// Parses the STAC API form: an RFC 3339 instant (or full date), or <c>start/end</c> with <c>..</c> or an empty string
    /// for an open end. Free-text dates are refused.
    /// </summary>
    /// <exception cref="InvalidQueryException">The text is not an instant or interval (parameter <c>datetime</c>).</exception>
    public static DatetimeInterval Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        if (parts.Length == 1)
        {
            var instant = Instant(parts[0]) ?? throw Invalid(text);
            return new DatetimeInterval(instant, instant);
        }

        if (parts.Length != 2)
        {
            throw Invalid(text);
        }

        var interval = new DatetimeInterval(Instant(parts[0]), Instant(parts[1]));
        if (interval is { Start: null, End: null } || (interval.Start > interval.End))
        {
            throw Invalid(text);
        }

        return interval;
    }

    private static DateTime? Instant(string part)
    {
        if (part is "" or "..")
        {
            return null;
        }

        return Rfc3339.TryParse(part, out var value) ? value : throw Invalid(part);
    }

    private static InvalidQueryException Invalid(string text) => new(
        $"datetime '{text}' is not an RFC 3339 instant or an interval 'start/end' with '..' for an open end, start before end.", "datetime");
}
