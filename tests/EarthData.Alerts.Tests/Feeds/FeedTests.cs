using System.Text.Json;
using System.Xml.Linq;
using EarthData.Alerts.Cap;
using EarthData.Alerts.Feeds;
using EarthData.Testing;
using EarthData.Core.Alerts;

namespace EarthData.Alerts.Tests.Feeds;

public class FeedTests
{
    private static readonly CapWriter Cap = new("earthdata@example.org", new Uri("https://earthdata.example.org/"));

    [Fact]
    public void Atom_ListsNewestFirst_WithCapLinksAndValidInlineCap()
    {
        var feedWriter = new AtomFeedWriter(Cap, new Uri("https://earthdata.example.org/"));
        var alert = AlertSamples.Message();
        var update = AlertSamples.Message(AlertMessageType.Update, 2) with { Sent = alert.Sent.AddDays(26) };

        var feed = feedWriter.Write([alert, update], new Uri("https://earthdata.example.org/feeds/alerts.atom"), DateTimeOffset.UtcNow).Root!;

        var atom = AtomFeedWriter.Atom;
        var entries = feed.Elements(atom + "entry").ToList();
        Assert.Equal([update.Id, alert.Id], entries.Select(e => e.Element(atom + "id")!.Value.Split(':')[^1]));
        Assert.Equal("https://earthdata.example.org/api/alerts/flood-cbers4-mux-151-121-20240310.v2/cap",
            entries[0].Elements(atom + "link").Single(l => (string?)l.Attribute("rel") == "alternate").Attribute("href")!.Value);
        Assert.Equal(feed.Element(atom + "updated")!.Value, entries[0].Element(atom + "updated")!.Value);
        var inline = new XDocument(entries[0].Element(atom + "content")!.Elements().Single());
        Assert.Empty(CapSchema.Validate(inline));
    }

    [Fact]
    public void GeoJson_IsAFeatureWithAMultiPolygonInLonLat()
    {
        using var json = JsonDocument.Parse(AlertGeoJson.ToJson(AlertSamples.Message()));
        var root = json.RootElement;

        Assert.Equal("Feature", root.GetProperty("type").GetString());
        var geometry = root.GetProperty("geometry");
        Assert.Equal("MultiPolygon", geometry.GetProperty("type").GetString());
        var first = geometry.GetProperty("coordinates")[0][0][0];
        Assert.Equal(-47.1234567, first[0].GetDouble(), 7);
        Assert.Equal(-15.7654321, first[1].GetDouble(), 7);
        Assert.Equal("flood", root.GetProperty("properties").GetProperty("hazard").GetString());
        Assert.Equal("Severe", root.GetProperty("properties").GetProperty("severity").GetString());
    }
}
