using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using EarthData.Core;
using EarthData.Core.Catalog;
using EarthData.Core.Scenes;
using EarthData.Jobs.State;
using EarthData.Samples;

namespace EarthData.Server.Tests;

/// <summary>The Scenes page of the Hangfire dashboard (<c>/hangfire/scenes</c>) on an embedded server with workers.</summary>
public sealed partial class ScenesDashboardTests(PipelineServer server) : IClassFixture<PipelineServer>
{
    private SceneStateService Scenes => server.Service<SceneStateService>();

    private static string Id(int row) => $"CBERS_4_MUX_20170528_090_{row:000}_L2";

    private async Task<(HttpStatusCode Status, string Html)> GetAsync(string path, string? key = PipelineServer.ApiKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        using var response = await server.Client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The table row of a scene on the page, or null.</summary>
    private static string? Row(string html, string sceneId) =>
        RowPattern().Matches(html).Select(m => m.Value).SingleOrDefault(r => r.Contains($"<code>{sceneId}</code>", StringComparison.Ordinal));

    [Fact]
    public async Task ScenesPage_WithTheKey_ListsAPublishedScene_AndItsStageJobsCarryTheSceneId()
    {
        var id = SyntheticSceneGenerator.Generate(new SyntheticSceneOptions
        {
            OutputRoot = server.DropFolder, Collection = "CBERS4-MUX", Scale = 0.03, Seed = 41, Row = 141,
        }).Scenes[0].Id.ToString();
        using var post = new HttpRequestMessage(HttpMethod.Post, "/api/scenes") { Content = JsonContent.Create(new { source = id }) };
        post.Headers.Add("X-Api-Key", PipelineServer.ApiKey);
        (await server.Client.SendAsync(post)).Dispose();
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while ((await Scenes.GetAsync(id))?.State is not (SceneState.Published or SceneState.Failed or SceneState.Rejected) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        var (status, html) = await GetAsync("/hangfire/scenes");
        // The record turns Published inside the publish job; Hangfire marks the job succeeded just after it returns.
        string succeeded;
        do
        {
            (_, succeeded) = await GetAsync("/hangfire/jobs/succeeded");
        }
        while (!succeeded.Contains($"Publish {id}", StringComparison.Ordinal) && DateTime.UtcNow < deadline && await Delay());

        Assert.Equal(HttpStatusCode.OK, status);
        var row = Row(html, id);
        Assert.NotNull(row);
        Assert.Contains(">Published</span>", row, StringComparison.Ordinal);
        Assert.Contains(">100 %</div>", row, StringComparison.Ordinal);
        Assert.Contains("<h1 class=\"page-header\">Scenes</h1>", html, StringComparison.Ordinal);
        foreach (var stage in new[] { "Ingest", "Process", "Tile", "Publish" })
        {
            Assert.Contains($"{stage} {id}", succeeded, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ScenesPage_ShowsStageProgressAndAttempts_NewestFirst()
    {
        await Scenes.QueueAsync(SceneId.Parse(Id(150)), "/archive/" + Id(150));
        await Task.Delay(20);
        await Scenes.QueueAsync(SceneId.Parse(Id(151)), "/archive/" + Id(151));
        var start = await Scenes.BeginStageAsync(Id(151), SceneStage.Ingest);
        await using (var run = start.Run!)
        {
            run.Progress.Report(0.425);
        }

        var (status, html) = await GetAsync("/hangfire/scenes");

        Assert.Equal(HttpStatusCode.OK, status);
        var queued = Row(html, Id(150));
        var ingesting = Row(html, Id(151));
        Assert.NotNull(queued);
        Assert.NotNull(ingesting);
        Assert.True(html.IndexOf(ingesting, StringComparison.Ordinal) < html.IndexOf(queued, StringComparison.Ordinal), "newest first");
        Assert.Contains(">Queued</span>", queued, StringComparison.Ordinal);
        Assert.Contains(">0 %</div>", queued, StringComparison.Ordinal);
        Assert.Contains(">Ingesting</span></td><td>ingest</td>", ingesting, StringComparison.Ordinal);
        Assert.Contains("width: 42.5%", ingesting, StringComparison.Ordinal);
        Assert.Contains(">42.5 %</div></div></td><td>1</td>", ingesting, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScenesPage_HtmlEscapesTheSceneError()
    {
        await Scenes.QueueAsync(SceneId.Parse(Id(160)), "/archive/" + Id(160));
        var start = await Scenes.BeginStageAsync(Id(160), SceneStage.Ingest);
        await using (var run = start.Run!)
        {
            await Scenes.FailStageAsync(run, new InvalidSceneException("<script>alert('owned')</script> & <img src=x onerror=alert(1)>"));
        }

        var (status, html) = await GetAsync("/hangfire/scenes?state=Rejected");

        Assert.Equal(HttpStatusCode.OK, status);
        var row = Row(html, Id(160));
        Assert.NotNull(row);
        Assert.Contains(">Rejected</span>", row, StringComparison.Ordinal);
        Assert.Contains("ingest: &lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;", row, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key-0123456789")]
    public async Task ScenesPage_WithoutTheKey_Answers401AndNoScenes(string? key)
    {
        await Scenes.QueueAsync(SceneId.Parse(Id(170)), "/archive/" + Id(170));

        var (status, html) = await GetAsync("/hangfire/scenes", key);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.DoesNotContain(Id(170), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScenesPage_PagesOlderScenesThroughItsLinks_AndFiltersByState()
    {
        for (var row = 180; row < 185; row++)
        {
            await Scenes.QueueAsync(SceneId.Parse(Id(row)), "/archive/" + Id(row));
            await Task.Delay(5);
        }

        var seen = new List<string>();
        string? next = "/hangfire/scenes?state=queued&limit=2";
        var pages = 0;
        while (next is not null && pages++ < 50)
        {
            var (status, html) = await GetAsync(next);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.DoesNotContain(">Rejected</span>", html, StringComparison.Ordinal);
            seen.AddRange(SceneIdPattern().Matches(html).Select(m => m.Groups[1].Value));
            var older = OlderLinkPattern().Match(html);
            next = older.Success ? WebUtility.HtmlDecode(older.Groups[1].Value) : null;
        }

        Assert.Equal(seen.Count, seen.Distinct().Count());
        var ours = seen.Where(s => string.CompareOrdinal(s, Id(180)) >= 0 && string.CompareOrdinal(s, Id(184)) <= 0);
        Assert.Equal(Enumerable.Range(180, 5).Reverse().Select(Id), ours);
    }

    [Theory]
    [InlineData("state=<b>Sleeping</b>", "state: &#39;&lt;b&gt;Sleeping&lt;/b&gt;&#39; is not one of")]
    [InlineData("limit=0", "limit: 0: use 1-1000")]
    [InlineData("limit=many", "limit: &#39;many&#39; is not a whole number")]
    [InlineData("token=not-a-token", "token: not a token of this listing")]
    public async Task ScenesPage_BadQuery_Answers400NamingTheProblem(string query, string expected)
    {
        var (status, html) = await GetAsync("/hangfire/scenes?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(expected, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_NavigationLinksTheScenesPage_Once()
    {
        var (status, html) = await GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Single(Regex.Matches(html, "href=\"/hangfire/scenes\"", RegexOptions.None, TimeSpan.FromSeconds(1)));
    }

    private static async Task<bool> Delay()
    {
        await Task.Delay(200);
        return true;
    }

    [GeneratedRegex("<tr><td class=\"word-break\"><code>.*?</tr>", RegexOptions.Singleline, 1000)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<code>(CBERS_[A-Z0-9_]+)</code>", RegexOptions.None, 1000)]
    private static partial Regex SceneIdPattern();

    [GeneratedRegex("<a rel=\"next\" href=\"([^\"]+)\">", RegexOptions.None, 1000)]
    private static partial Regex OlderLinkPattern();
}
