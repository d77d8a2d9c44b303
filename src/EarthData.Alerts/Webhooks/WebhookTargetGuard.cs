using System.Net;
using System.Net.Sockets;

namespace EarthData.Alerts.Webhooks;

/// <summary>
/// SSRF guard for webhook targets: only absolute http(s) URLs without user info, and — unless private targets are
/// allowed (<c>EarthData:Webhooks:AllowPrivateTargets</c>, for tests) — never an address that is loopback, private
/// (RFC 1918, fc00::/7), link-local (169.254/16 including cloud metadata, fe80::/10), carrier-grade NAT (100.64/10),
/// unspecified, multicast or broadcast. <see cref="CheckAddress"/> is also applied to the address actually connected to
/// (see <see cref="WebhookHttpHandler"/>), so DNS that changes between check and connect does not get around it.
/// </summary>
/// <param name="allowPrivateTargets">Whether private and loopback targets are allowed.</param>
public sealed class WebhookTargetGuard(bool allowPrivateTargets)
{
    /// <summary>Whether private and loopback targets are allowed.</summary>
    public bool AllowPrivateTargets { get; } = allowPrivateTargets;

    /// <summary>Checks the form of <paramref name="url"/> and, where its host is a literal address, the address.</summary>
    /// <returns>Null when acceptable, else why not (one line, for a problem+json <c>detail</c>).</returns>
    public string? CheckUrl(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return $"webhook url '{url}' is not an absolute http(s) URL";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "webhook url must not carry user info";
        }

        if (!AllowPrivateTargets && uri.IsLoopback)
        {
            return $"webhook url '{url}' targets a loopback host (set EarthData:Webhooks:AllowPrivateTargets=true to allow it)";
        }

        return IPAddress.TryParse(uri.DnsSafeHost, out var address) ? CheckAddress(address) : null;
    }

    /// <summary>Resolves the URL's host and checks every address it resolves to.</summary>
    public async Task<string?> CheckResolvedAsync(string url, CancellationToken cancellationToken)
    {
        var form = CheckUrl(url);
        if (form is not null)
        {
            return form;
        }

        var host = new Uri(url).DnsSafeHost;
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException ex)
        {
            return $"webhook host '{host}' does not resolve: {ex.Message}";
        }

        return addresses.Length == 0 ? $"webhook host '{host}' has no address" : addresses.Select(CheckAddress).FirstOrDefault(e => e is not null);
    }

    /// <summary>Null when <paramref name="address"/> may be connected to, else why not.</summary>
    public string? CheckAddress(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (AllowPrivateTargets)
        {
            return null;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return IsPrivate(address)
            ? $"webhook target {address} is a loopback, private, link-local or otherwise internal address (set EarthData:Webhooks:AllowPrivateTargets=true to allow it)"
            : null;
    }

    private static bool IsPrivate(IPAddress address)
    {
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] == 0 || b[0] == 10 || b[0] == 127
                || (b[0] == 100 && b[1] >= 64 && b[1] < 128)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] >= 16 && b[1] < 32)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] == 0)
                || (b[0] == 198 && (b[1] == 18 || b[1] == 19))
                || b[0] >= 224;
        }

        var bytes = address.GetAddressBytes();
        return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || (bytes[0] & 0xFE) == 0xFC;
    }
}
