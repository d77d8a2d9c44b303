using System.Text.Json.Nodes;

namespace EarthData.Server.Tests;

/// <summary>A server that counts matches only up to 5 (<c>EarthData:Stac:CountLimit</c>).</summary>
public sealed class CountLimitedServer : RunningServer
{
    protected override Dictionary<string, string?> Settings => new(base.Settings)
    {
        [ServerSettings.CountLimitKey] = "5",
    };
}

/// <summary>The same on PostgreSQL.</summary>
public sealed class CountLimitedPostgresServer : PostgresRunningServer
{
    protected override Dictionary<string, string?> Settings => new(base.Settings)
    {
        [ServerSettings.CountLimitKey] = "5",
    };
}

/// <summary><c>numberMatched</c> is exact up to the count limit and omitted above it, so counting never visits every match.</summary>
public abstract class NumberMatchedTests<TServer>(TServer server) : IClassFixture<TServer>, IAsyncLifetime
    where TServer : RunningServer
{
    public Task InitializeAsync() => TestCatalog.SeedAsync(server.Catalog);

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("limit=1", null)]
    [InlineData("limit=1&ids=ID2,ID7", 2)]
    [InlineData("limit=1&datetime=2020-01-05T00:00:00Z/2020-01-09T23:59:59Z", 5)]
    [InlineData("limit=1&datetime=2020-01-05T00:00:00Z/2020-01-10T23:59:59Z", null)]
    [InlineData("limit=1&bbox=-50.2,-9.5,-49.2,-9.4", 2)]
    [InlineData("limit=1&bbox=-180,-90,180,90", null)]
    public async Task NumberMatched_IsExactUpToTheLimit_AndOmittedAbove(string query, int? expected)
    {
        query = query.Replace("ID2", TestCatalog.Id(2), StringComparison.Ordinal).Replace("ID7", TestCatalog.Id(7), StringComparison.Ordinal);
        using var response = await server.Client.GetAsync("/stac/search?" + query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        var page = JsonNode.Parse(body)!;
        Assert.Equal(expected, (int?)page["numberMatched"]);
        Assert.Equal(1, (int?)page["numberReturned"]);
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteNumberMatchedTests(CountLimitedServer server) : NumberMatchedTests<CountLimitedServer>(server);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresNumberMatchedTests(CountLimitedPostgresServer server) : NumberMatchedTests<CountLimitedPostgresServer>(server);
