using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace EarthData.Alerts.Webhooks;

/// <summary>
/// Signs and verifies webhook deliveries per the Standard Webhooks specification: the signature is
/// <c>v1,</c> + base64(HMAC-SHA256(key, "{webhook-id}.{webhook-timestamp}.{body}")) where the key is the base64 after the
/// <c>whsec_</c> prefix of the secret. Thread-safe.
/// </summary>
public sealed class WebhookSigner
{
    /// <summary>The prefix of Standard Webhooks secrets.</summary>
    public const string SecretPrefix = "whsec_";

    /// <summary>How far a verified timestamp may lie from now (the specification's recommended tolerance).</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    private readonly byte[] _key;

    /// <summary>A signer for <paramref name="secret"/> (<c>whsec_</c> + base64 of 24–64 random bytes).</summary>
    /// <exception cref="ArgumentException">The secret is not of that form.</exception>
    public WebhookSigner(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"a webhook secret starts with '{SecretPrefix}'", nameof(secret));
        }

        try
        {
            _key = Convert.FromBase64String(secret[SecretPrefix.Length..]);
        }
        catch (FormatException ex)
        {
            throw new ArgumentException($"a webhook secret is '{SecretPrefix}' followed by base64", nameof(secret), ex);
        }

        if (_key.Length is < 24 or > 64)
        {
            throw new ArgumentException($"a webhook secret's key must be 24–64 bytes; this one has {_key.Length}", nameof(secret));
        }
    }

    /// <summary>A new random secret (32 bytes).</summary>
    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The <c>webhook-signature</c> header value for a delivery.</summary>
    /// <param name="messageId">The <c>webhook-id</c> (stable across retries of one message).</param>
    /// <param name="timestamp">The <c>webhook-timestamp</c>: Unix seconds.</param>
    /// <param name="body">The exact request body.</param>
    public string Sign(string messageId, long timestamp, string body)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentNullException.ThrowIfNull(body);
        var content = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{messageId}.{timestamp}.{body}"));
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(_key, content));
    }

    /// <summary>
    /// Whether <paramref name="signatureHeader"/> (space-separated <c>v1,…</c> entries) holds a valid signature of the
    /// delivery, and the timestamp is within <see cref="Tolerance"/> of <paramref name="now"/>. Constant-time compare.
    /// </summary>
    public bool Verify(string messageId, string timestampHeader, string body, string signatureHeader, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(signatureHeader);
        if (!long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp)
            || Math.Abs(now.ToUnixTimeSeconds() - timestamp) > Tolerance.TotalSeconds)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(messageId, timestamp, body));
        foreach (var candidate in signatureHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(candidate)))
            {
                return true;
            }
        }

        return false;
    }
}
