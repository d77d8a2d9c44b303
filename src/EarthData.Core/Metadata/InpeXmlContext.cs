using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace EarthData.Core.Metadata;

/// <summary>Element lookups and value conversions over an INPE XML document that fail with located errors.</summary>
internal sealed class InpeXmlContext(string sourceName)
{
    public static readonly XNamespace Ns = "http://www.gisplan.com.br/xmlsat";

    public string SourceName { get; } = sourceName;

    public string? SceneId { get; set; }

    public static string PathOf(XElement element) =>
        string.Join('/', element.AncestorsAndSelf().Reverse().Select(e => e.Name.LocalName));

    public XElement Required(XElement parent, string relativePath)
    {
        var current = parent;
        foreach (var name in relativePath.Split('/'))
        {
            current = current.Element(Ns + name) ?? throw Missing(current, name);
        }

        return current;
    }

    public static XElement? Optional(XElement parent, string relativePath)
    {
        XElement? current = parent;
        foreach (var name in relativePath.Split('/'))
        {
            current = current?.Element(Ns + name);
        }

        return current;
    }

    public string Text(XElement parent, string relativePath)
    {
        var element = Required(parent, relativePath);
        var text = element.Value.Trim();
        return text.Length > 0 ? text : throw Invalid(element, "is empty");
    }

    public double Double(XElement parent, string relativePath) => ToDouble(Required(parent, relativePath));

    public double ToDouble(XElement element)
    {
        var text = element.Value.Trim();
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw Invalid(element, $"value '{text}' is not a number");
    }

    public int Int(XElement parent, string relativePath)
    {
        var element = Required(parent, relativePath);
        var text = element.Value.Trim();
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        // Some writers emit integral values with a fraction ("7362.000000").
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && real == Math.Floor(real) &&
            real is >= int.MinValue and <= int.MaxValue
            ? (int)real
            : throw Invalid(element, $"value '{text}' is not an integer");
    }

    public DateTime Time(XElement parent, string relativePath)
    {
        var element = Required(parent, relativePath);
        var text = element.Value.Trim();
        return DateTime.TryParse(
            text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : throw Invalid(element, $"value '{text}' is not an ISO 8601 date-time");
    }

    public InvalidSceneException Missing(XElement parent, string name)
    {
        var path = PathOf(parent) + "/" + name;
        return new InvalidSceneException($"{SourceName}: element '{path}' is missing{Line(parent, " (in the element starting at line {0})")}", SourceName, path, SceneId)
        {
            LineNumber = LineOf(parent),
        };
    }

    public InvalidSceneException Invalid(XElement element, string problem)
    {
        var path = PathOf(element);
        return new InvalidSceneException($"{SourceName}: element '{path}' {problem}{Line(element, " at line {0}")}", SourceName, path, SceneId)
        {
            LineNumber = LineOf(element),
        };
    }

    private static int? LineOf(XElement element) =>
        element is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : null;

    private static string Line(XElement element, string format) =>
        LineOf(element) is { } line ? string.Format(CultureInfo.InvariantCulture, format, line) : string.Empty;
}
