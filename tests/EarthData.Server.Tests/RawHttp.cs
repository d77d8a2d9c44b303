using System.Net.Sockets;
using System.Text;

namespace EarthData.Server.Tests;

/// <summary>
/// A raw HTTP/1.1 request over a socket, for what HttpClient cannot show reliably: a server answering a body that is
/// over its limit as soon as it sees the Content-Length, while a client would still be uploading (HttpClient then
/// fails with a broken pipe instead of reading the answer).
/// </summary>
internal static class RawHttp
{
    /// <summary>Sends the head of a POST announcing <paramref name="contentLength"/> bytes and the start of the body; returns the answer's head.</summary>
    public static async Task<string> PostHeadAsync(Uri server, string path, long contentLength, string bodyStart)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        var stream = client.GetStream();
        var head = $"POST {path} HTTP/1.1\r\nHost: {server.Authority}\r\nContent-Type: application/json\r\nContent-Length: {contentLength}\r\n\r\n{bodyStart}";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var answer = new StringBuilder();
        for (var line = await reader.ReadLineAsync(); !string.IsNullOrEmpty(line); line = await reader.ReadLineAsync())
        {
            answer.AppendLine(line);
        }

        return answer.ToString();
    }
}
