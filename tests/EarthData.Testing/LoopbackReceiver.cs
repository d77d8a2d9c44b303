using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace EarthData.Testing;

/// <summary>
/// A real HTTP server on a loopback port (HttpListener) that records every request and answers with the next status of
/// a script (the last one repeats); a 3xx answer points to <see cref="RedirectTarget"/>.
/// </summary>
public sealed class LoopbackReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Queue<int> _statuses;
    private readonly Task _loop;

    /// <summary>Starts a receiver answering <paramref name="statuses"/> in turn (the last repeats).</summary>
    public LoopbackReceiver(params int[] statuses)
    {
        _statuses = new Queue<int>(statuses);
        var port = FreePort();
        Url = new Uri($"http://127.0.0.1:{port}/hook");
        RedirectTarget = new Uri($"http://127.0.0.1:{port}/elsewhere");
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>The URL to post to.</summary>
    public Uri Url { get; }

    /// <summary>Where 3xx answers point.</summary>
    public Uri RedirectTarget { get; }

    /// <summary>Every request received: path, headers (lower-case names) and body.</summary>
    public ConcurrentQueue<(string Path, Dictionary<string, string> Headers, string Body)> Requests { get; } = new();

    /// <inheritdoc />
    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _ = _loop.ContinueWith(static _ => { }, TaskScheduler.Default);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.AllKeys.ToDictionary(k => k!.ToLowerInvariant(), k => context.Request.Headers[k]!);
            Requests.Enqueue((context.Request.Url!.AbsolutePath, headers, body));
            int status;
            lock (_statuses)
            {
                status = _statuses.Count > 1 ? _statuses.Dequeue() : _statuses.Peek();
            }

            context.Response.StatusCode = status;
            if (status is >= 300 and < 400)
            {
                context.Response.RedirectLocation = RedirectTarget.AbsoluteUri;
            }

            context.Response.Close();
        }
    }
}
