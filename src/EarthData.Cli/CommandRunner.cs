namespace EarthData.Cli;

/// <summary>
/// Runs a command's body and turns every failure into one readable line on stderr and a non-zero exit code,
/// so scripts can rely on the exit status and people are not shown stack traces.
/// </summary>
internal static class CommandRunner
{
    /// <summary>Exit code for a failure caused by the input or the environment.</summary>
    public const int Failure = 1;

    /// <summary>Exit code for a command line that does not parse.</summary>
    public const int UsageError = 2;

    /// <summary>Exit code for a cancelled run (Ctrl+C).</summary>
    public const int Cancelled = 130;

    /// <summary>Exit code for a defect in EarthData itself.</summary>
    public const int InternalError = 70;

    /// <summary>Runs <paramref name="body"/> and maps exceptions to exit codes.</summary>
    public static async Task<int> RunAsync(Func<CancellationToken, Task<int>> body, TextWriter stderr, CancellationToken cancellationToken)
    {
        try
        {
            return await body(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await stderr.WriteLineAsync("error: cancelled").ConfigureAwait(false);
            return Cancelled;
        }
        catch (Exception ex) when (IsUserFacing(ex))
        {
            await stderr.WriteLineAsync("error: " + OneLine(ex.Message)).ConfigureAwait(false);
            return Failure;
        }
        catch (Exception ex)
        {
            await stderr.WriteLineAsync($"internal error: {ex.GetType().Name}: {OneLine(ex.Message)}").ConfigureAwait(false);
            return InternalError;
        }
    }

    private static bool IsUserFacing(Exception ex) =>
        ex is IOException or UnauthorizedAccessException or ArgumentException or FormatException
            or InvalidOperationException or System.Xml.XmlException
        || ex.GetType().Namespace?.StartsWith("EarthData", StringComparison.Ordinal) == true;

    private static string OneLine(string message) =>
        message.ReplaceLineEndings(" ").Trim();
}
