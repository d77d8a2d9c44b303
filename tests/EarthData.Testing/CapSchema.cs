using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace EarthData.Testing;

/// <summary>Validation against the OASIS CAP 1.2 XSD the repository keeps in <c>tests/fixtures/cap/</c>.</summary>
public static class CapSchema
{
    private static readonly Lazy<XmlSchemaSet> Schemas = new(() =>
    {
        var set = new XmlSchemaSet();
        using var reader = XmlReader.Create(SharedData.CapSchema);
        set.Add("urn:oasis:names:tc:emergency:cap:1.2", reader);
        set.Compile();
        return set;
    });

    /// <summary>The schema errors of <paramref name="document"/> (empty when valid).</summary>
    public static IReadOnlyList<string> Validate(XDocument document)
    {
        var errors = new List<string>();
        // Round-trip through text so the validation sees what a client parses.
        var reparsed = XDocument.Parse(document.ToString());
        reparsed.Validate(Schemas.Value, (_, e) => errors.Add($"{e.Severity}: {e.Message}"));
        return errors;
    }
}
