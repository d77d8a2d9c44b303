using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EarthData.Core.Catalog;
using FsCheck;
using FsCheck.Fluent;

namespace EarthData.Server.Tests;

/// <summary>
/// Property: whatever combination of search parameters a client sends — by GET or POST, well-formed or not, at and past
/// every bound — the answer is never a 5xx, and every error is problem+json (FsCheck, fixed seed, so a failure replays).
/// </summary>
public abstract class SearchPropertyTests<TServer>(TServer server) : IClassFixture<TServer>, IAsyncLifetime
    where TServer : RunningServer
{
    private static readonly string[] Names =
        ["bbox", "intersects", "datetime", "ids", "collections", "limit", "sortby", "fields", "filter", "filter-lang", "token", "x"];

    private static readonly string[] Fragments =
    [
        "", "..", "-1e309", "1e309", "NaN", "Infinity", "-0", "0", "1", "10000", "10001", "-1", "2.5", "null", "true", "[]", "{}", "{", "\"",
        "1,2,3,4", "-41,-19,-41,-19", "-180,-90,180,90", "10,0,5,1", "0,91,1,92", "-50,-10,-49,-9",
        "March 10 2024", "2024-03-10", "2020-01-01T00:00:00Z/..", "../..", "2021-01-01T00:00:00Z/2020-01-01T00:00:00Z", "2020-13-45T25:61:61Z",
        "CBERS4-MUX", "CBERS_4_MUX_20200101_100_120_L2", "-datetime", "+properties.view:sun_elevation", "properties..x", "-", "cql2-json", "cql2-text",
        """{"op":"=","args":[{"property":"id"},1]}""", """{"op":"like","args":[{"property":"id"},"%_\\"]}""",
        """{"op":"in","args":[{"property":"cbers:path"},[100,101,"x",null]]}""",
        """{"op":"s_intersects","args":[{"property":"geometry"},{"bbox":[-41,-19,-41,-19]}]}""",
        """{"op":"t_intersects","args":[{"property":"datetime"},{"interval":["..",5]}]}""",
        """{"op":"not","args":[{"op":"isNull","args":[{"property":"eo:cloud_cover"}]}]}""",
        """{"type":"Polygon","coordinates":[[[-50,-10],[-40,-10],[-40,-9],[-50,-10]]]}""", """{"type":"Polygon","coordinates":[[[0,0],[0,0],[0,0],[0,0]]]}""",
        """{"type":"Point","coordinates":[1,"a"]}""", """{"type":"GeometryCollection","geometries":[]}""",
        "eyJzIjoieCIsImsiOltdfQ", "eyJzIjoiZGF0ZXRpbWUtLGNvbGxlY3Rpb24rLGlkKyIsImsiOlsieCIsMSwyXX0", "%00", "\u0000", "☃",
    ];

    public Task InitializeAsync() => TestCatalog.SeedAsync(server.Catalog);

    public Task DisposeAsync() => Task.CompletedTask;

    [FsCheck.Xunit.Property(MaxTest = 150, Replay = "(20261204,1013904223)")]
    public Property Search_NeverAnswers5xx_AndErrorsAreProblemJson() =>
        Prop.ForAll(Requests().ToArbitrary(), parameters => Answer(parameters).GetAwaiter().GetResult());

    private static Gen<List<(string Name, string Value)>> Requests()
    {
        var fragment = Gen.OneOf(
            Gen.Elements(Fragments),
            ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty),
            ArbMap.Default.GeneratorFor<double>().Select(d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
        var list = Gen.OneOf(
            fragment,
            Gen.Choose(0, 12).SelectMany(n => fragment.ArrayOf(n)).Select(values => string.Join(',', values)),
            Gen.Elements(SearchLimits.MaxIds + 1, SearchLimits.MaxSortFields + 1, SearchLimits.MaxFields + 1, SearchLimits.MaxCollections + 1)
                .Select(n => string.Join(',', Enumerable.Range(0, n).Select(i => "p" + i))));
        var parameter = Gen.Elements(Names).SelectMany(name => list.Select(value => (name, value)));
        return Gen.Choose(0, 5).SelectMany(n => parameter.ListOf(n)).Select(p => p.ToList());
    }

    private async Task<bool> Answer(List<(string Name, string Value)> parameters)
    {
        var query = string.Join('&', parameters.Select(p => p.Name + "=" + Uri.EscapeDataString(p.Value)));
        using (var get = await server.Client.GetAsync("/stac/search?" + query))
        {
            await Acceptable(get, "GET " + query);
        }

        var body = new Dictionary<string, JsonNode?>();
        foreach (var (name, value) in parameters)
        {
            body[name] = AsJson(value);
        }

        using var content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var post = await server.Client.PostAsync("/stac/search", content);
        await Acceptable(post, "POST " + JsonSerializer.Serialize(body));
        return true;
    }

    private static JsonNode? AsJson(string value)
    {
        try
        {
            return JsonNode.Parse(value);
        }
        catch (JsonException)
        {
            return value.Contains(',', StringComparison.Ordinal) ? new JsonArray([.. value.Split(',').Select(v => (JsonNode?)v)]) : JsonValue.Create(value);
        }
    }

    private static async Task Acceptable(HttpResponseMessage response, string request)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status < 500, $"{request} → {status}: {text}");
        if (status >= 400)
        {
            Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{request} → {status} as {response.Content.Headers.ContentType}: {text}");
        }
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteSearchPropertyTests(RunningServer server) : SearchPropertyTests<RunningServer>(server);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresSearchPropertyTests(PostgresRunningServer server) : SearchPropertyTests<PostgresRunningServer>(server);
