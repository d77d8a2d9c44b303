namespace EarthData.Cli;

/// <summary>
/// Lets the server's socket completions run on the socket engine's own threads instead of hopping to the thread pool
/// first (.NET's <c>DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS</c>; Kestrel still runs the application on the pool, so
/// a slow request cannot stall the socket threads). Pre-rendered tiles, 64 connections on 2 cores, six rounds each:
/// 0.76× nginx's requests/s on average, 0.73× without — within the noise, not worse (README, tile serving).
/// </summary>
internal static class SocketTuning
{
    /// <summary>The runtime's variable; an operator's value (e.g. <c>0</c>) always wins.</summary>
    public const string InlineCompletionsVariable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <summary>
    /// Turns inline completions on unless the operator set the variable. Call before the process opens its first socket:
    /// the runtime reads the variable once.
    /// </summary>
    /// <returns>Whether this call turned them on.</returns>
    public static bool Apply()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable(InlineCompletionsVariable) is not null)
        {
            return false;
        }

        Environment.SetEnvironmentVariable(InlineCompletionsVariable, "1");
        return true;
    }
}
