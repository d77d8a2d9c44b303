using System.Net;
using EarthData.Alerts.Webhooks;

namespace EarthData.Alerts.Tests.Webhooks;

public class WebhookTargetGuardTests
{
    private readonly WebhookTargetGuard _strict = new(allowPrivateTargets: false);

    [Theory]
    [InlineData("http://127.0.0.1:8080/hook")]
    [InlineData("http://localhost/hook")]
    [InlineData("http://10.1.2.3/hook")]
    [InlineData("http://172.20.0.5/hook")]
    [InlineData("http://192.168.1.10/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://100.64.0.1/hook")]
    [InlineData("http://0.0.0.0/hook")]
    [InlineData("http://[::1]/hook")]
    [InlineData("http://[fd00::1]/hook")]
    [InlineData("http://[fe80::1]/hook")]
    [InlineData("http://[::ffff:10.0.0.1]/hook")]
    [InlineData("ftp://example.org/hook")]
    [InlineData("https://user:pw@example.org/hook")]
    [InlineData("/relative")]
    public void CheckUrl_RefusesInternalTargetsAndBadForms(string url) => Assert.NotNull(_strict.CheckUrl(url));

    [Theory]
    [InlineData("https://hooks.example.org/earthdata")]
    [InlineData("http://8.8.8.8/hook")]
    [InlineData("http://[2001:4860:4860::8888]/hook")]
    public void CheckUrl_AcceptsPublicTargets(string url) => Assert.Null(_strict.CheckUrl(url));

    [Fact]
    public void CheckUrl_AcceptsLoopback_WhenPrivateTargetsAreAllowed() =>
        Assert.Null(new WebhookTargetGuard(allowPrivateTargets: true).CheckUrl("http://127.0.0.1:5000/hook"));

    [Fact]
    public async Task CheckResolvedAsync_RefusesANameThatResolvesToLoopback() =>
        Assert.NotNull(await _strict.CheckResolvedAsync("http://localhost.:9/hook", CancellationToken.None));

    [Fact]
    public void CheckAddress_RefusesMulticast() => Assert.NotNull(_strict.CheckAddress(IPAddress.Parse("239.1.1.1")));
}
