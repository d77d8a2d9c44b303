using EarthData.Alerts.Webhooks;
using Microsoft.AspNetCore.Http;
using StandardWebhooks;

namespace EarthData.Alerts.Tests.Webhooks;

public class WebhookSignerTests
{
    // The Standard Webhooks specification's published test vector (standard-webhooks/standard-webhooks, libraries' tests).
    private const string SpecSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string SpecId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long SpecTimestamp = 1614265330;
    private const string SpecBody = "{\"test\": 2432232314}";
    private const string SpecSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    [Fact]
    public void Sign_ReproducesTheSpecificationTestVector() =>
        Assert.Equal(SpecSignature, new WebhookSigner(SpecSecret).Sign(SpecId, SpecTimestamp, SpecBody));

    [Fact]
    public void Verify_AcceptsTheTestVector_AndRejectsTamperingAndStaleTimestamps()
    {
        var signer = new WebhookSigner(SpecSecret);
        var at = DateTimeOffset.FromUnixTimeSeconds(SpecTimestamp);

        Assert.True(signer.Verify(SpecId, "1614265330", SpecBody, "v1,bogus " + SpecSignature, at.AddMinutes(4)));
        Assert.False(signer.Verify(SpecId, "1614265330", SpecBody + " ", SpecSignature, at));
        Assert.False(signer.Verify("msg_other", "1614265330", SpecBody, SpecSignature, at));
        Assert.False(signer.Verify(SpecId, "1614265330", SpecBody, SpecSignature, at.AddMinutes(6)));
    }

    [Fact]
    public void OurSignature_IsVerifiedByTheStandardWebhooksPackage()
    {
        var secret = WebhookSigner.NewSecret();
        var now = DateTimeOffset.UtcNow;
        const string body = "{\"alert\":\"flood-x.v1\",\"severity\":\"Severe\"}";
        var headers = new HeaderDictionary
        {
            ["webhook-id"] = "msg_1",
            ["webhook-timestamp"] = now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["webhook-signature"] = new WebhookSigner(secret).Sign("msg_1", now.ToUnixTimeSeconds(), body),
        };

        new StandardWebhook(secret).Verify(body, headers); // throws when it disagrees
    }

    [Fact]
    public void TheStandardWebhooksPackagesSignature_IsVerifiedByOurs()
    {
        var secret = WebhookSigner.NewSecret();
        var now = DateTimeOffset.UtcNow;
        const string body = "{\"alert\":\"burn-y.v2\"}";

        var theirs = new StandardWebhook(secret).Sign("msg_2", now, body);

        Assert.True(new WebhookSigner(secret).Verify("msg_2", now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), body, theirs, now));
    }

    [Theory]
    [InlineData("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]
    [InlineData("whsec_not base64!")]
    [InlineData("whsec_c2hvcnQ=")]
    public void Constructor_RejectsMalformedSecrets(string secret) =>
        Assert.Throws<ArgumentException>(() => new WebhookSigner(secret));
}
