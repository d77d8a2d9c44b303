using System.Xml.Linq;
using EarthData.Alerts.Cap;
using EarthData.Core.Alerts;
using EarthData.Testing;

namespace EarthData.Alerts.Tests.Cap;

public class CapWriterTests
{
    private static readonly XNamespace Ns = CapWriter.Ns;
    private readonly CapWriter _writer = new("earthdata@example.org", new Uri("https://earthdata.example.org/"));

    [Theory]
    [InlineData(AlertMessageType.Alert, 1)]
    [InlineData(AlertMessageType.Update, 2)]
    [InlineData(AlertMessageType.Cancel, 3)]
    public void Write_IsValidAgainstTheOasisSchema_AndTheRulesItDoesNotCheck(AlertMessageType type, int version)
    {
        var document = _writer.Write(AlertSamples.Message(type, version));

        Assert.Empty(CapSchema.Validate(document));
        Assert.Empty(CapConformance.Check(document));
    }

    [Fact]
    public void Write_UsesMinusZeroUtcWithoutFractions_AndLatLonPairsOfAtMostSixDecimals()
    {
        var root = _writer.Write(AlertSamples.Message()).Root!;

        Assert.Equal("2024-03-10T15:04:05-00:00", root.Element(Ns + "sent")!.Value);
        var polygons = root.Element(Ns + "info")!.Element(Ns + "area")!.Elements(Ns + "polygon").Select(p => p.Value).ToList();
        Assert.Equal(2, polygons.Count);
        Assert.Equal("-15.765432,-47.123457 -15.765432,-47 -15.6,-47 -15.6,-47.123457 -15.765432,-47.123457", polygons[0]);
        Assert.Equal(4, polygons[1].Split(' ').Length); // already closed: not closed twice
    }

    [Fact]
    public void Write_GivesOneInfoPerLanguage_InEnglishChineseAndPortuguese()
    {
        var infos = _writer.Write(AlertSamples.Message()).Root!.Elements(Ns + "info").ToList();

        Assert.Equal(["en", "zh", "pt"], infos.Select(i => i.Element(Ns + "language")!.Value));
        Assert.Equal(["Flood", "洪水", "Inundação"], infos.Select(i => i.Element(Ns + "event")!.Value));
        Assert.Contains("12.5 km²", infos[0].Element(Ns + "headline")!.Value, StringComparison.Ordinal);
        Assert.Contains("平方公里", infos[1].Element(Ns + "headline")!.Value, StringComparison.Ordinal);
        Assert.Contains("afetados", infos[2].Element(Ns + "headline")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ReferencesEveryEarlierMessage_OnUpdate()
    {
        var root = _writer.Write(AlertSamples.Message(AlertMessageType.Update, 3)).Root!;

        var references = root.Element(Ns + "references")!.Value.Split(' ');
        Assert.Equal(2, references.Length);
        Assert.StartsWith("earthdata@example.org,flood-cbers4-mux-151-121-20240310.v1,", references[0], StringComparison.Ordinal);
        Assert.Equal("flood-cbers4-mux-151-121-20240310.v3", root.Element(Ns + "identifier")!.Value);
    }

    [Fact]
    public void Write_Refuses_AnUpdateWithoutReferences() =>
        Assert.Throws<ArgumentException>(() => _writer.Write(AlertSamples.Message(AlertMessageType.Update) with { References = [] }));

    [Fact]
    public void Write_Refuses_ARepeatedLanguage() =>
        Assert.Throws<ArgumentException>(() => _writer.Write(AlertSamples.Message(), ["en", "en"]));

    [Fact]
    public void Conformance_ReportsWhatTheSchemaLetsThrough()
    {
        var document = _writer.Write(AlertSamples.Message(AlertMessageType.Update, 2));
        var root = document.Root!;
        root.Element(Ns + "sent")!.Value = "2024-03-10T15:04:05+00:00";
        var infos = root.Elements(Ns + "info").ToList();
        infos[1].Element(Ns + "language")!.Value = "en";
        var polygon = infos[0].Element(Ns + "area")!.Element(Ns + "polygon")!;
        polygon.Value = "-147.1234567,-15.7 -147,-15.7 -147,-15.6"; // lon,lat order, 7 decimals, open, 3 pairs
        root.Element(Ns + "references")!.Remove();

        var errors = CapConformance.Check(document);

        Assert.Empty(CapSchema.Validate(document)); // the XSD accepts all of it
        Assert.Contains(errors, e => e.Contains("-00:00", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("share language 'en'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("at least 4", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("not closed", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("out of range", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("more than 6 decimals", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("needs references", StringComparison.Ordinal));
    }

    [Fact]
    public void Schema_RejectsAFractionalSecond()
    {
        var document = _writer.Write(AlertSamples.Message());
        document.Root!.Element(Ns + "sent")!.Value = "2024-03-10T15:04:05.123-00:00";

        Assert.NotEmpty(CapSchema.Validate(document).Concat(CapConformance.Check(document)));
    }
}
