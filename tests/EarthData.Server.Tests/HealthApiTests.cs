using System.Net;
using System.Text.Json;

namespace EarthData.Server.Tests;

public class HealthApiTests(RunningServer server) : IClassFixture<RunningServer>
{
    [Fact]
    public async Task Health_AnswersOk_OnALoopbackPort()
    {
        using var response = await server.Client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("ok", json.GetProperty("status").GetString());
    }

    [Fact]
    public async Task UnknownPath_AnswersProblemJson404()
    {
        using var response = await server.Client.GetAsync("/no/such/thing");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1:1")]
    [InlineData("not a url")]
    public void Build_RejectsBadUrls_NamingTheSetting(string urls)
    {
        var ex = Assert.Throws<ArgumentException>(() => EarthDataServer.Build(new ServerOptions { Urls = urls }));
        Assert.StartsWith("--urls", ex.Message, StringComparison.Ordinal);
    }
}
