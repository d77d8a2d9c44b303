using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using EarthData.Alerts.Cap;
using EarthData.Core.Alerts;
using EarthData.Core.Geometry;
using EarthData.Testing;

namespace EarthData.Server.Tests.Alerts;

public class AlertsApiTests(AlertServer server) : IClassFixture<AlertServer>
{
    private static readonly AffectedArea Area = new([[[new GeoPoint(-47.9, -15.9), new GeoPoint(-47.7, -15.9), new GeoPoint(-47.7, -15.7), new GeoPoint(-47.9, -15.9)]]], 42);

    [Fact]
    public async Task List_FiltersByHazardSeverityBboxAndDatetime()
    {
        await Seed("flood-api-a", Hazard.Flood, AlertSeverity.Severe, new DateTimeOffset(2024, 3, 10, 12, 0, 0, TimeSpan.Zero));
        await Seed("drought-api-b", Hazard.Drought, AlertSeverity.Moderate, new DateTimeOffset(2024, 5, 10, 12, 0, 0, TimeSpan.Zero));

        Assert.Contains("flood-api-a.v1", await Ids("/api/alerts?hazard=flood"));
        Assert.DoesNotContain("drought-api-b.v1", await Ids("/api/alerts?hazard=flood"));
        Assert.Contains("flood-api-a.v1", await Ids("/api/alerts?severity=Severe"));
        Assert.DoesNotContain("drought-api-b.v1", await Ids("/api/alerts?severity=Severe"));
        Assert.Contains("drought-api-b.v1", await Ids("/api/alerts?bbox=-48,-16,-47,-15&datetime=2024-05-01T00:00:00Z/.."));
        Assert.DoesNotContain("flood-api-a.v1", await Ids("/api/alerts?datetime=2024-05-01T00:00:00Z/.."));
        Assert.Empty(await Ids("/api/alerts?bbox=10,10,11,11&hazard=drought"));
    }

    [Theory]
    [InlineData("/api/alerts?bbox=1,2,3", "bbox")]
    [InlineData("/api/alerts?hazard=quake", "hazard")]
    [InlineData("/api/alerts?severity=Huge", "severity")]
    [InlineData("/api/alerts?datetime=yesterday", "datetime")]
    [InlineData("/feeds/alerts.atom?hazard=quake", "hazard")]
    public async Task List_Answers400_NamingTheParameter(string path, string parameter)
    {
        using var response = await server.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task List_AsGeoJson_IsAFeatureCollectionOfTheFilteredAlerts()
    {
        await Seed("flood-geo-f", Hazard.Flood, AlertSeverity.Extreme, new DateTimeOffset(2024, 6, 1, 12, 0, 0, TimeSpan.Zero));

        using var response = await server.Client.GetAsync("/api/alerts?f=geojson&severity=Extreme&datetime=2024-06-01T00:00:00Z/2024-06-02T00:00:00Z");
        var collection = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("FeatureCollection", collection.GetProperty("type").GetString());
        var feature = Assert.Single(collection.GetProperty("features").EnumerateArray());
        Assert.Equal("flood-geo-f.v1", feature.GetProperty("id").GetString());
        Assert.Equal("MultiPolygon", feature.GetProperty("geometry").GetProperty("type").GetString());
        Assert.Equal("Extreme", feature.GetProperty("properties").GetProperty("severity").GetString());
    }

    [Fact]
    public async Task Get_AnswersJsonGeoJsonAndValidCap()
    {
        await Seed("burn-api-c", Hazard.Burn, AlertSeverity.Extreme, DateTimeOffset.UtcNow);

        var json = JsonDocument.Parse(await server.Client.GetStringAsync("/api/alerts/burn-api-c.v1")).RootElement;
        Assert.Equal("burn", json.GetProperty("hazard").GetString());
        using var geo = await server.Client.GetAsync("/api/alerts/burn-api-c.v1?f=geojson");
        Assert.Equal("application/geo+json", geo.Content.Headers.ContentType?.MediaType);
        Assert.Equal("MultiPolygon", JsonDocument.Parse(await geo.Content.ReadAsStringAsync()).RootElement.GetProperty("geometry").GetProperty("type").GetString());
        using var cap = await server.Client.GetAsync("/api/alerts/burn-api-c.v1/cap?lang=pt,zh");
        Assert.Equal("application/cap+xml", cap.Content.Headers.ContentType?.MediaType);
        var document = XDocument.Parse(await cap.Content.ReadAsStringAsync());
        Assert.Empty(CapSchema.Validate(document));
        Assert.Empty(CapConformance.Check(document));
        Assert.Equal(["pt", "zh"], document.Root!.Elements(CapWriter.Ns + "info").Select(i => i.Element(CapWriter.Ns + "language")!.Value));
        using var missing = await server.Client.GetAsync("/api/alerts/none.v1/cap");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Feed_IsAtomWithCapEntries_FilteredByHazard()
    {
        await Seed("flood-feed-d", Hazard.Flood, AlertSeverity.Moderate, DateTimeOffset.UtcNow.AddMinutes(-5));
        await Seed("burn-feed-e", Hazard.Burn, AlertSeverity.Severe, DateTimeOffset.UtcNow.AddMinutes(-4));

        using var response = await server.Client.GetAsync("/feeds/alerts.atom?hazard=burn");

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var entries = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Elements(atom + "entry").ToList();
        Assert.Contains(entries, e => e.Element(atom + "id")!.Value.EndsWith("burn-feed-e.v1", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Element(atom + "id")!.Value.EndsWith("flood-feed-d.v1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stream_PushesNewAlertsAsServerSentEvents()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var response = await server.Client.GetAsync("/api/alerts/stream?hazard=flood", HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel.Token));

        await Seed("flood-stream-f", Hazard.Flood, AlertSeverity.Severe, DateTimeOffset.UtcNow.AddSeconds(1));

        string? line;
        while ((line = await reader.ReadLineAsync(cancel.Token)) is not null && !line.StartsWith("id: ", StringComparison.Ordinal))
        {
        }

        Assert.Equal("id: flood-stream-f.v1", line);
        Assert.Equal("event: alert", await reader.ReadLineAsync(cancel.Token));
        Assert.StartsWith("data: {", await reader.ReadLineAsync(cancel.Token), StringComparison.Ordinal);
    }

    private async Task Seed(string eventId, Hazard hazard, AlertSeverity severity, DateTimeOffset sent)
    {
        var message = new AlertMessage
        {
            EventId = eventId, Version = 1, MessageType = AlertMessageType.Alert, Hazard = hazard, Severity = severity,
            Sent = new DateTimeOffset(sent.Ticks - (sent.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero), Observed = sent.AddHours(-3),
            SceneId = "CBERS_4_MUX_20240310_151_121_L2", Footprint = "CBERS4-MUX/151/121", Area = Area, AffectedFraction = 0.4,
        };
        await server.Alerts.SaveAsync(new EventState { Hazard = hazard, Footprint = eventId, EventId = eventId, Version = 1, Open = true }, message, CancellationToken.None);
    }

    private async Task<List<string>> Ids(string path)
    {
        var json = JsonDocument.Parse(await server.Client.GetStringAsync(path)).RootElement;
        return [.. json.GetProperty("alerts").EnumerateArray().Select(a => a.GetProperty("id").GetString()!)];
    }
}
