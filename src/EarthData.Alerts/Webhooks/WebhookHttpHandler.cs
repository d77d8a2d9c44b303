using System.Net;
using System.Net.Sockets;

namespace EarthData.Alerts.Webhooks;

/// <summary>
/// The HTTP handler webhook deliveries go through: redirects are never followed, and every connection checks the
/// address it is about to connect to with the <see cref="WebhookTargetGuard"/> (so a host that resolves to a private
/// address at delivery time is refused even if it resolved to a public one when the subscription was made).
/// </summary>
public static class WebhookHttpHandler
{
    /// <summary>A new handler applying <paramref name="guard"/>; the caller owns it.</summary>
    public static SocketsHttpHandler Create(WebhookTargetGuard guard)
    {
        ArgumentNullException.ThrowIfNull(guard);
        return new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectCallback = async (context, cancellationToken) =>
            {
                var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken).ConfigureAwait(false);
                foreach (var address in addresses)
                {
                    if (guard.CheckAddress(address) is { } refusal)
                    {
                        throw new HttpRequestException(refusal);
                    }
                }

                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
    }
}
