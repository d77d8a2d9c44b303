using System.Net;
using System.Text.Json;
using EarthData.Core.Alerts;
using EarthData.Core.Geometry;
using EarthData.Core.Scenes;

namespace EarthData.Server.Tests.Alerts;

/// <summary>The public baseline reads, and the alert JSON's link to the baseline it was evaluated against.</summary>
public class BaselinesApiTests(AlertServer server) : IClassFixture<AlertServer>
{
    private static readonly BaselineFootprint Footprint = new("CBERS4-MUX", 160, 110);
    private static readonly byte[] Cog = [0x49, 0x49, 0x2A, 0x00, 7, 7, 7];

    [Fact]
    public async Task List_ByFootprint_AnswersTheVersionsNewestFirst_WithTheirCogs()
    {
        var older = await Save(BaselineKinds.ReferenceWater, 2019);
        var newer = await Save(BaselineKinds.ReferenceWater, 2019, 2020);
        await Save(BaselineKinds.NdviClimatology, 2019, 2020, 2021);

        var all = await List("/api/baselines?footprint=CBERS4-MUX/160/110");
        var water = await List("/api/baselines?footprint=CBERS4-MUX/160/110&kind=water");

        Assert.Equal(["ndvi-CBERS4-MUX-160-110.v1", "water-CBERS4-MUX-160-110.v2", "water-CBERS4-MUX-160-110.v1"], all.Select(b => b.GetProperty("id").GetString()));
        Assert.Equal([newer.Id, older.Id], water.Select(b => b.GetProperty("id").GetString()));
        var first = water[0];
        Assert.Equal(("water", "CBERS4-MUX/160/110", 2, 2), (first.GetProperty("kind").GetString(), first.GetProperty("footprint").GetString(),
            first.GetProperty("version").GetInt32(), first.GetProperty("sceneCount").GetInt32()));
        Assert.Equal(["CBERS_4_MUX_20190310_160_110_L4", "CBERS_4_MUX_20200310_160_110_L4"], first.GetProperty("scenes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(("2019-03-10", "2020-03-10"), (first.GetProperty("firstAcquired").GetString(), first.GetProperty("lastAcquired").GetString()));
        Assert.Equal(JsonValueKind.Null, first.GetProperty("seasonDayOfYear").ValueKind);
        Assert.Equal(69, all[0].GetProperty("seasonDayOfYear").GetInt32());
        var links = first.GetProperty("links");
        Assert.Equal(new Uri(server.Client.BaseAddress!, $"/api/baselines/{newer.Id}"), new Uri(links.GetProperty("self").GetString()!));
        Assert.Equal(Cog, await server.Client.GetByteArrayAsync(links.GetProperty("cog").GetString()));
        Assert.Equal(newer.Id, JsonDocument.Parse(await server.Client.GetStringAsync(links.GetProperty("self").GetString())).RootElement.GetProperty("id").GetString());
        Assert.Single(await List("/api/baselines?footprint=CBERS4-MUX/160/110&limit=1"));
    }

    [Theory]
    [InlineData("/api/baselines?footprint=151/121", "footprint")]
    [InlineData("/api/baselines?footprint=LANDSAT8/151/121", "footprint")]
    [InlineData("/api/baselines?kind=quake", "kind")]
    [InlineData("/api/baselines?limit=0", "limit")]
    [InlineData("/api/baselines?limit=1001", "limit")]
    public async Task List_Answers400_NamingTheParameter(string path, string parameter)
    {
        using var response = await server.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(parameter, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task Get_Answers404_ForAnUnknownBaseline()
    {
        using var response = await server.Client.GetAsync("/api/baselines/water-CBERS4-MUX-160-110.v99");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Alert_NamesItsBaselineIdAndVersion_AndLinksToIt()
    {
        var baseline = await Save(BaselineKinds.PreEvent, [2024], 111);
        var message = new AlertMessage
        {
            EventId = "burn-baseline-a", Version = 1, MessageType = AlertMessageType.Alert, Hazard = Hazard.Burn, Severity = AlertSeverity.Severe,
            Sent = new DateTimeOffset(2024, 4, 5, 13, 0, 0, TimeSpan.Zero), Observed = new DateTimeOffset(2024, 4, 5, 13, 0, 0, TimeSpan.Zero),
            SceneId = "CBERS_4_MUX_20240405_160_111_L4", Footprint = "CBERS4-MUX/160/111", BaselineId = baseline.Id, BaselineVersion = baseline.Version,
            Area = new AffectedArea([[[new GeoPoint(-47.9, -15.9), new GeoPoint(-47.7, -15.9), new GeoPoint(-47.7, -15.7), new GeoPoint(-47.9, -15.9)]]], 3),
            AffectedFraction = 0.2,
        };
        await server.Alerts.SaveAsync(new EventState { Hazard = Hazard.Burn, Footprint = "burn-baseline-a", EventId = "burn-baseline-a", Version = 1, Open = true },
            message, CancellationToken.None);

        var alert = JsonDocument.Parse(await server.Client.GetStringAsync("/api/alerts/burn-baseline-a.v1")).RootElement;

        Assert.Equal(("prefire-CBERS4-MUX-160-111.v1", 1), (alert.GetProperty("baseline").GetString(), alert.GetProperty("baselineVersion").GetInt32()));
        var linked = JsonDocument.Parse(await server.Client.GetStringAsync(alert.GetProperty("links").GetProperty("baseline").GetString())).RootElement;
        Assert.Equal((baseline.Id, "prefire"), (linked.GetProperty("id").GetString(), linked.GetProperty("kind").GetString()));
    }

    private Task<BaselineRecord> Save(string kind, params int[] years) => Save(kind, years, 110);

    private Task<BaselineRecord> Save(string kind, int[] years, int row) =>
        server.Service<IBaselineStore>().SaveAsync(
            new BaselineInputs(kind, Footprint with { Row = row }, years.Select(y => new SceneId(CbersSatellite.Cbers4, CbersCamera.Mux, new DateOnly(y, 3, 10), 160, row, ProcessingLevel.L4)),
                kind == BaselineKinds.NdviClimatology ? new DayOfYearWindow(69, 30) : null),
            Cog, CancellationToken.None);

    private async Task<List<JsonElement>> List(string path) =>
        [.. JsonDocument.Parse(await server.Client.GetStringAsync(path)).RootElement.GetProperty("baselines").EnumerateArray()];
}
