using System.Text.Json.Nodes;
using EarthData.Gdal;
using EarthData.Core.Alerts;
using EarthData.Core.Geometry;
using EarthData.Server.Tests.Tiles;

namespace EarthData.Server.Tests.Browser;

/// <summary>
/// The web viewer in a real browser (headless Chromium, software WebGL) against a server with a product published by
/// the pipeline: search by date and map extent, open the scene, switch layers and language, check that the tiles came
/// and the map canvas shows the scene, and keep a screenshot as a test artifact.
/// </summary>
[Collection(GdalTests.Name)]
public sealed class ViewerBrowserTests(ProductServer server) : IClassFixture<ProductServer>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Viewer_SearchesOpensASceneSwitchesLayersAndLanguage_AndDrawsTheTiles()
    {
        await using var chromium = HeadlessChromium.Start("pt-BR");
        await using var page = await chromium.OpenPageAsync();
        await page.CallAsync("Page.navigate", new JsonObject { ["url"] = server.BaseAddress.ToString() });
        await page.WaitForAsync("window.earthdataViewer && earthdataViewer.state.ready", Patience);

        // The browser asked for Portuguese, so the interface speaks it.
        Assert.Equal("Pesquisar", (await page.EvaluateAsync("document.getElementById('search').textContent")).GetString());

        // Search: the date range of the scene and the map extent around it.
        var item = server.Product.Published.Item;
        var bbox = item.Bbox!;
        var date = item.Datetime!.Value;
        await page.EvaluateAsync($$"""
            (() => {
              earthdataViewer.map.jumpTo({ center: [{{(bbox[0] + bbox[2]) / 2}}, {{(bbox[1] + bbox[3]) / 2}}], zoom: 6 });
              document.getElementById('date-from').value = '{{date.AddDays(-1):yyyy-MM-dd}}';
              document.getElementById('date-to').value = '{{date.AddDays(1):yyyy-MM-dd}}';
              document.getElementById('search').click();
            })()
            """);
        await page.WaitForAsync("document.querySelectorAll('#results li').length > 0", Patience, () => ErrorTextAsync(page));
        Assert.Equal(item.Id, (await page.EvaluateAsync("document.querySelector('#results li').dataset.id")).GetString());
        Assert.Contains(server.Requests, r => r.Method == "POST" && r.Target == "/stac/search" && r.Status == 200);
        await page.WaitForAsync("document.querySelector('#results img') && document.querySelector('#results img').complete && document.querySelector('#results img').naturalWidth > 0", Patience);

        // Open the scene: true colour tiles load and the canvas shows the scene at its centre.
        await page.EvaluateAsync("document.querySelector('#results li').click()");
        await WaitForTilesAsync(page, "true-color");
        var trueColour = await CentrePixelAsync(page);

        // Switch layers by clicking the layer switcher.
        await page.EvaluateAsync("document.querySelector('#layers input[value=\"false-color\"]').click()");
        await WaitForTilesAsync(page, "false-color");
        var falseColour = await CentrePixelAsync(page);
        Assert.NotEqual(trueColour, falseColour);
        await page.EvaluateAsync("document.querySelector('#layers input[value=\"ndvi\"]').click()");
        await WaitForTilesAsync(page, "ndvi");

        // Switch the language to Chinese, then English.
        await page.EvaluateAsync("(() => { const s = document.getElementById('language'); s.value = 'zh'; s.dispatchEvent(new Event('change')); })()");
        Assert.Equal("搜索", (await page.EvaluateAsync("document.getElementById('search').textContent")).GetString());
        Assert.Equal("植被指数 (NDVI)", (await page.EvaluateAsync("document.querySelector('#layers input[value=\"ndvi\"]').nextElementSibling.textContent")).GetString());
        await page.EvaluateAsync("(() => { const s = document.getElementById('language'); s.value = 'en'; s.dispatchEvent(new Event('change')); })()");
        Assert.Equal("Search", (await page.EvaluateAsync("document.getElementById('search').textContent")).GetString());

        // Every tile request of the three layers succeeded or was an empty edge tile; none failed on the server.
        foreach (var layer in new[] { "true-color", "false-color", "ndvi" })
        {
            Assert.Contains(server.Requests, r => r.Target.StartsWith($"/tiles/{PublishedProduct.Collection}/{item.Id}/{layer}/", StringComparison.Ordinal)
                && r.Target.EndsWith(".png", StringComparison.Ordinal) && r.Status == 200);
        }

        Assert.DoesNotContain(server.Requests, r => r.Status >= 500);
        Assert.Equal(0, (await page.EvaluateAsync("earthdataViewer.state.tileErrors.length")).GetInt32());
        Assert.True((await page.EvaluateAsync("document.getElementById('error').hidden")).GetBoolean(), await ErrorTextAsync(page));

        // The canvas is not blank: many colours, and a screenshot of the page as the user sees it.
        Assert.True((await page.EvaluateAsync(CanvasColours)).GetInt32() > 50);
        var screenshot = await page.ScreenshotAsync();
        var file = SaveArtifact("viewer.png", screenshot);
        AssertNotBlank(file);

        // An alert over the scene: its polygon is drawn on the map (fill rendered where the scene is) and counted.
        var (w, so, e, n) = (bbox[0], bbox[1], bbox[2], bbox[3]);
        var (cx, cy, dx, dy) = ((w + e) / 2, (so + n) / 2, (e - w) / 4, (n - so) / 4);
        var area = new AffectedArea([[[new GeoPoint(cx - dx, cy - dy), new GeoPoint(cx + dx, cy - dy), new GeoPoint(cx + dx, cy + dy), new GeoPoint(cx - dx, cy + dy), new GeoPoint(cx - dx, cy - dy)]]], 100);
        var message = new AlertMessage
        {
            EventId = "viewer-flood", Version = 1, MessageType = AlertMessageType.Alert, Hazard = Hazard.Flood, Severity = AlertSeverity.Severe,
            Sent = new DateTimeOffset(2024, 3, 11, 0, 0, 0, TimeSpan.Zero), Observed = new DateTimeOffset(2024, 3, 10, 13, 0, 0, TimeSpan.Zero),
            SceneId = item.Id, Footprint = "CBERS4-MUX/151/121", Area = area, AffectedFraction = 0.25,
        };
        await server.Service<IAlertStore>().SaveAsync(new EventState { Hazard = Hazard.Flood, Footprint = "viewer-flood", EventId = "viewer-flood", Version = 1, Open = true }, message, CancellationToken.None);
        await page.EvaluateAsync("void earthdataViewer.loadAlerts()");
        await page.WaitForAsync("earthdataViewer.state.alerts === 1 && earthdataViewer.map.queryRenderedFeatures({ layers: ['alerts-fill'] }).length > 0", Patience, () => ErrorTextAsync(page));
        Assert.Equal("1 alert(s) in view", (await page.EvaluateAsync("document.getElementById('alerts-status').textContent")).GetString());
        SaveArtifact("viewer-alert.png", await page.ScreenshotAsync());

        // The scene in context: zoomed out, the Natural Earth coastlines and borders of the offline basemap around it.
        await page.EvaluateAsync("void earthdataViewer.map.jumpTo({ zoom: 4 })");
        await page.WaitForAsync("earthdataViewer.map.areTilesLoaded() && earthdataViewer.map.loaded()", Patience);
        SaveArtifact("viewer-context.png", await page.ScreenshotAsync());
    }

    [Fact]
    public async Task Viewer_ShowsSearchErrorsToTheUser()
    {
        await using var chromium = HeadlessChromium.Start("en-US");
        await using var page = await chromium.OpenPageAsync();
        await page.CallAsync("Page.navigate", new JsonObject { ["url"] = server.BaseAddress.ToString() });
        await page.WaitForAsync("window.earthdataViewer && earthdataViewer.state.ready", Patience);

        // A date range ending before it starts is refused by the STAC API; the viewer must say so on screen.
        await page.EvaluateAsync("""
            (() => {
              document.getElementById('date-from').value = '2024-05-01';
              document.getElementById('date-to').value = '2024-01-01';
              document.getElementById('search').click();
            })()
            """);
        await page.WaitForAsync("!document.getElementById('error').hidden", Patience);

        var text = (await page.EvaluateAsync("document.getElementById('error').textContent")).GetString()!;
        Assert.StartsWith("Search failed:", text, StringComparison.Ordinal);
        Assert.Contains("datetime", text, StringComparison.Ordinal);
    }

    private const string CanvasColours = """
        (() => {
          const c = earthdataViewer.map.getCanvas();
          const g = document.createElement('canvas'); g.width = c.width; g.height = c.height;
          const x = g.getContext('2d'); x.drawImage(c, 0, 0);
          const d = x.getImageData(0, 0, g.width, g.height).data;
          const colours = new Set();
          for (let i = 0; i < d.length; i += 4 * 13) colours.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
          return colours.size;
        })()
        """;

    private static async Task WaitForTilesAsync(DevToolsPage page, string layer)
    {
        await page.WaitForAsync(
            $"earthdataViewer.state.layer === '{layer}' && earthdataViewer.state.tilesLoaded > 0 && earthdataViewer.map.areTilesLoaded() && earthdataViewer.map.loaded()",
            Patience,
            () => ErrorTextAsync(page));
    }

    private static async Task<string> CentrePixelAsync(DevToolsPage page) => (await page.EvaluateAsync("""
        (() => {
          const c = earthdataViewer.map.getCanvas();
          const g = document.createElement('canvas'); g.width = c.width; g.height = c.height;
          const x = g.getContext('2d'); x.drawImage(c, 0, 0);
          const d = x.getImageData(Math.floor(c.width / 2), Math.floor(c.height / 2), 1, 1).data;
          return `${d[0]},${d[1]},${d[2]},${d[3]}`;
        })()
        """)).GetString()!;

    private static async Task<string> ErrorTextAsync(DevToolsPage page) =>
        "viewer error box: " + (await page.EvaluateAsync("document.getElementById('error').textContent")).GetString();

    private static string SaveArtifact(string name, byte[] content)
    {
        var folder = Environment.GetEnvironmentVariable("EARTHDATA_TEST_ARTIFACTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>The screenshot, decoded by GDAL: the map half holds many distinct colours.</summary>
    private static void AssertNotBlank(string png)
    {
        using var dataset = GdalDataset.Open(png);
        Assert.Equal(1280, dataset.Width);
        var colours = new HashSet<int>();
        var rows = new byte[3][];
        for (var y = 100; y < dataset.Height - 100; y += 7)
        {
            for (var b = 0; b < 3; b++)
            {
                rows[b] = new byte[dataset.Width];
                dataset.GetBand(b + 1).Read(0, y, dataset.Width, 1, rows[b].AsSpan());
            }

            for (var x = 400; x < dataset.Width; x += 5)
            {
                colours.Add((rows[0][x] << 16) | (rows[1][x] << 8) | rows[2][x]);
            }
        }

        Assert.True(colours.Count > 100, $"the screenshot's map shows only {colours.Count} colours");
    }
}
