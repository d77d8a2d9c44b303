using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using EarthData.Testing;

namespace EarthData.EndToEnd.Tests.Pipeline;

/// <summary>
/// A private Azurite blob service (the npm tool of tests/run.sh) on its own port and disk folder, so a test can stop
/// and restart it without touching the shared one. Stopping sends SIGTERM: Azurite saves its metadata and exits, and a
/// restart on the same folder serves the same blobs.
/// </summary>
internal sealed class AzuriteProcess : IDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly int _port;
    private readonly string _location;
    private readonly StringBuilder _output = new();
    private Process? _process;

    private AzuriteProcess(int port, string location)
    {
        _port = port;
        _location = location;
    }

    /// <summary>The connection string (with <c>BlobEndpoint=</c>, so GDAL can use it too).</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{_port}/devstoreaccount1;";

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts Azurite on <paramref name="port"/>, keeping its data in <paramref name="location"/>; returns once it accepts connections.</summary>
    public static async Task<AzuriteProcess> StartAsync(int port, string location)
    {
        var azurite = new AzuriteProcess(port, location);
        await azurite.StartAsync();
        return azurite;
    }

    /// <summary>Starts it again on the same port and folder.</summary>
    public async Task StartAsync()
    {
        Directory.CreateDirectory(_location);
        var info = new ProcessStartInfo(Path.Combine(TestServers.NodeTools, "node_modules", ".bin", "azurite-blob"))
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var argument in new[] { "--blobHost", "127.0.0.1", "--blobPort", _port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--location", _location, "--skipApiVersionCheck", "--disableTelemetry" })
        {
            info.ArgumentList.Add(argument);
        }

        _process = new Process { StartInfo = info };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        for (var i = 0; i < 200; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", _port);
                return;
            }
            catch (SocketException)
            {
                if (_process.HasExited)
                {
                    break;
                }

                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException("Azurite did not start:\n" + Output);
    }

    /// <summary>Stops it with SIGTERM (Azurite saves and exits), or SIGKILL when it has not exited within 10 s.</summary>
    public async Task StopAsync()
    {
        if (_process is null || _process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process?.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
