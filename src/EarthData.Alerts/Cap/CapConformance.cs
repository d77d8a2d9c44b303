using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace EarthData.Alerts.Cap;

/// <summary>
/// The CAP 1.2 rules the OASIS XSD does not check, as a list of violations (empty when the document conforms):
/// every time <c>yyyy-MM-ddTHH:mm:ss±hh:mm</c> without fractional seconds and UTC as <c>-00:00</c> (never <c>Z</c> or
/// <c>+00:00</c>); polygons of <c>lat,lon</c> pairs in range, at most 6 decimals, at least 4 pairs, first = last; one
/// <c>info</c> per language; <c>references</c> present on Update and Cancel (and only there).
/// </summary>
public static partial class CapConformance
{
    private static readonly string[] TimeElements = ["sent", "effective", "onset", "expires"];

    /// <summary>The violations of <paramref name="document"/>.</summary>
    public static IReadOnlyList<string> Check(XDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var ns = CapWriter.Ns;
        var errors = new List<string>();
        var root = document.Root;
        if (root is null || root.Name != ns + "alert")
        {
            return ["the root is not a CAP 1.2 alert"];
        }

        foreach (var element in root.Descendants().Where(e => TimeElements.Contains(e.Name.LocalName) && e.Name.Namespace == ns))
        {
            if (!TimePattern().IsMatch(element.Value))
            {
                errors.Add($"{element.Name.LocalName} '{element.Value}' is not yyyy-MM-ddTHH:mm:ss±hh:mm");
            }
            else if (element.Value.EndsWith("+00:00", StringComparison.Ordinal))
            {
                errors.Add($"{element.Name.LocalName} '{element.Value}': UTC must be written -00:00");
            }
        }

        foreach (var polygon in root.Descendants(ns + "polygon"))
        {
            errors.AddRange(CheckPolygon(polygon.Value));
        }

        var languages = root.Elements(ns + "info").Select(i => i.Element(ns + "language")?.Value ?? "en-US").ToList();
        foreach (var duplicate in languages.GroupBy(l => l, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            errors.Add($"{duplicate.Count()} info blocks share language '{duplicate.Key}'");
        }

        var type = root.Element(ns + "msgType")?.Value;
        var references = root.Element(ns + "references");
        if (type is "Update" or "Cancel" && string.IsNullOrWhiteSpace(references?.Value))
        {
            errors.Add($"a {type} needs references");
        }
        else if (type is "Alert" && references is not null)
        {
            errors.Add("an Alert has no references");
        }

        foreach (var reference in (references?.Value ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = reference.Split(',');
            if (parts.Length != 3 || !TimePattern().IsMatch(parts[2]))
            {
                errors.Add($"reference '{reference}' is not sender,identifier,sent");
            }
        }

        return errors;
    }

    private static IEnumerable<string> CheckPolygon(string text)
    {
        var pairs = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (pairs.Length < 4)
        {
            yield return $"polygon has {pairs.Length} pairs (at least 4 needed)";
        }

        if (pairs.Length > 0 && pairs[0] != pairs[^1])
        {
            yield return $"polygon is not closed ({pairs[0]} … {pairs[^1]})";
        }

        foreach (var pair in pairs)
        {
            var parts = pair.Split(',');
            if (parts.Length != 2
                || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
                || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon))
            {
                yield return $"polygon point '{pair}' is not lat,lon";
                continue;
            }

            if (lat is < -90 or > 90 || lon is < -180 or > 180)
            {
                yield return $"polygon point '{pair}' is out of range (lat,lon order?)";
            }

            if (parts.Any(p => p.Contains('.', StringComparison.Ordinal) && p.Length - p.IndexOf('.', StringComparison.Ordinal) - 1 > 6))
            {
                yield return $"polygon point '{pair}' has more than 6 decimals";
            }
        }
    }

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[-+]\d\d:\d\d$", RegexOptions.CultureInvariant)]
    private static partial Regex TimePattern();
}
