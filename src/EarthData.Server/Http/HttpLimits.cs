namespace EarthData.Server.Http;

/// <summary>
/// The request bounds every endpoint inherits (Kestrel limits set by <see cref="HttpHardening"/>); a route that takes a
/// larger body declares it with <see cref="HttpHardening.WithBodySizeLimit{TBuilder}"/>. The README's limits table lists
/// the same numbers.
/// </summary>
public static class HttpLimits
{
    /// <summary>Largest request body of a route that declares no limit of its own: 64 KiB.</summary>
    public const long DefaultMaxBodyBytes = 64 * 1024;

    /// <summary>Largest <c>POST /stac/search</c> body: 1 MiB (10 000 positions of an <c>intersects</c> polygon need ~400 KiB).</summary>
    public const long MaxSearchBodyBytes = 1024 * 1024;

    /// <summary>Slowest accepted request body: below 240 bytes/s after a 5 s grace period the request is answered 408.</summary>
    public const double MinBodyBytesPerSecond = 240;

    /// <summary>The grace period of <see cref="MinBodyBytesPerSecond"/>.</summary>
    public static readonly TimeSpan BodyGracePeriod = TimeSpan.FromSeconds(5);

    /// <summary>Longest time to receive the request headers (Kestrel closes the connection after it).</summary>
    public static readonly TimeSpan RequestHeadersTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Largest total size of the request headers: 32 KiB.</summary>
    public const int MaxRequestHeadersBytes = 32 * 1024;

    /// <summary>Longest request line (method, path and query string): 16 KiB; longer ones are answered 414.</summary>
    public const int MaxRequestLineBytes = 16 * 1024;

    /// <summary>Costly requests (searches) running at once: half the cores, at least one.</summary>
    public static int CostlyConcurrency { get; } = Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>Costly requests waiting for a turn before further ones are answered 503.</summary>
    public const int CostlyQueue = 64;
}
