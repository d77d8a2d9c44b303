using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace EarthData.Testing;

/// <summary>
/// A plain static file server (<c>python3 -m http.server</c>) over a folder on a free loopback port: a stand-in for a
/// bucket website or static web host, which knows nothing of EarthData. Disposing stops it.
/// </summary>
public sealed class StaticFileServer : IDisposable
{
    private readonly Process _process;

    private StaticFileServer(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>The server's root URL (ends with '/').</summary>
    public Uri BaseAddress { get; }

    /// <summary>Environment for GDAL and other clients: no proxy for loopback, no cached /vsicurl/ answers, no retries.</summary>
    public static IReadOnlyDictionary<string, string> ClientEnvironment { get; } = new Dictionary<string, string>
    {
        ["CPL_VSIL_CURL_NON_CACHED"] = "/vsicurl/",
        ["GDAL_HTTP_MAX_RETRY"] = "0",
        ["GDAL_DISABLE_READDIR_ON_OPEN"] = "EMPTY_DIR",
        ["no_proxy"] = "127.0.0.1",
        ["NO_PROXY"] = "127.0.0.1",
    };

    /// <summary>Serves <paramref name="directory"/> and waits until the port accepts connections (at most 20 s).</summary>
    public static async Task<StaticFileServer> StartAsync(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var start = new ProcessStartInfo("python3") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-m", "http.server", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--directory", directory })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("python3 -m http.server did not start");
        // Drain its request log so the pipe never fills.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new StaticFileServer(process, new Uri($"http://127.0.0.1:{port}/"));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port).ConfigureAwait(false);
                return server;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(100).ConfigureAwait(false);
            }
            catch (SocketException ex)
            {
                server.Dispose();
                throw new InvalidOperationException($"python3 -m http.server did not listen on port {port}", ex);
            }
        }
    }

    /// <summary>Stops the server.</summary>
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process.Dispose();
    }
}
