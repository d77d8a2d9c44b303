using System.Diagnostics;
using System.Text.Json;

namespace EarthData.Server.Tests.Browser;

/// <summary>
/// Debian's Chromium (installed by tests/run.sh) started headless with a DevTools port, software WebGL (SwiftShader)
/// and a throw-away profile; <see cref="OpenPageAsync"/> connects to its first tab.
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    public const string Executable = "/usr/bin/chromium";

    private readonly Process _process;
    private readonly string _profile;
    private readonly int _port;

    private readonly string _language;

    private HeadlessChromium(Process process, string profile, int port, string language)
    {
        _language = language;
        _process = process;
        _profile = profile;
        _port = port;
    }

    public static HeadlessChromium Start(string language)
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"{Executable} is missing: tests/run.sh installs Debian's chromium package.");
        }

        var port = RunningServer.FreePort();
        var profile = Directory.CreateTempSubdirectory("earthdata-chromium-").FullName;
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
            "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
            "--disable-dev-shm-usage", $"--remote-debugging-port={port}", $"--user-data-dir={profile}", "--window-size=1280,800",
            $"--lang={language}", "about:blank",
        })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["LANGUAGE"] = language;
        var process = Process.Start(start)!;
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return new HeadlessChromium(process, profile, port, language);
    }

    public async Task<DevToolsPage> OpenPageAsync()
    {
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            try
            {
                using var list = JsonDocument.Parse(await http.GetStringAsync($"http://127.0.0.1:{_port}/json/list"));
                foreach (var target in list.RootElement.EnumerateArray())
                {
                    if (target.GetProperty("type").GetString() == "page")
                    {
                        var page = await DevToolsPage.ConnectAsync(new Uri(target.GetProperty("webSocketDebuggerUrl").GetString()!));
                        await page.CallAsync("Page.enable");
                        // Headless Chromium ignores --lang for navigator.languages; the protocol sets what the page sees.
                        var version = await page.CallAsync("Browser.getVersion");
                        await page.CallAsync("Network.setUserAgentOverride", new System.Text.Json.Nodes.JsonObject
                        {
                            ["userAgent"] = version.GetProperty("userAgent").GetString(),
                            ["acceptLanguage"] = _language,
                        });
                        return page;
                    }
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow > deadline || _process.HasExited)
            {
                throw new InvalidOperationException($"Chromium did not offer a page on port {_port} (exited: {_process.HasExited}).");
            }

            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium's helpers may still hold a file for a moment; the folder is in the temp directory.
        }
    }
}
