using EarthData.Core.Catalog;
using EarthData.Jobs.State;
using Spectre.Console;

namespace EarthData.Cli;

/// <summary>
/// Follows a scene's record until it is Published, Failed or Rejected: a progress bar on a terminal (state, stage and
/// overall percent), one line per state change otherwise.
/// </summary>
internal static class SceneWatch
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(300);

    /// <summary>Whether a state is final.</summary>
    public static bool IsFinal(SceneState state) => state is SceneState.Published or SceneState.Failed or SceneState.Rejected;

    /// <summary>Overall progress in [0, 1]: each of the four stages is a quarter.</summary>
    public static double Overall(SceneRecord record) => record.State switch
    {
        SceneState.Published => 1,
        SceneState.Queued => 0,
        _ when SceneStages.StageOf(record.State) is { } stage => ((int)stage + (record.Progress / 100)) / 4,
        _ => record.Stage is { } failed ? (int)failed / 4.0 : 0,
    };

    /// <summary>Polls until the record is final (and <paramref name="work"/>, when given, has finished); returns it.</summary>
    public static async Task<SceneRecord> UntilFinalAsync(SceneStateService state, string sceneId, TextWriter stderr, Task? work, CancellationToken cancellationToken)
    {
        if (ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected)
        {
            SceneRecord? last = null;
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            await console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async context =>
                {
                    var bar = context.AddTask(sceneId, maxValue: 1);
                    last = await LoopAsync(state, sceneId, work, r =>
                    {
                        bar.Description = $"{sceneId} {r.State}";
                        bar.Value = Overall(r);
                    }, cancellationToken).ConfigureAwait(false);
                }).ConfigureAwait(false);
            return last!;
        }

        SceneState? shown = null;
        return await LoopAsync(state, sceneId, work, r =>
        {
            if (r.State != shown)
            {
                shown = r.State;
                stderr.WriteLine($"{sceneId}: {r.State}");
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<SceneRecord> LoopAsync(SceneStateService state, string sceneId, Task? work, Action<SceneRecord> show, CancellationToken cancellationToken)
    {
        while (true)
        {
            var record = await state.GetAsync(sceneId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"scene '{sceneId}' has no record");
            show(record);
            if (work is { IsCompleted: true })
            {
                await work.ConfigureAwait(false);
                if (IsFinal(record.State))
                {
                    return record;
                }

                // The inline run ended without a final state (a retry was scheduled past its end): keep following.
                work = null;
            }
            else if (work is null && IsFinal(record.State))
            {
                return record;
            }

            await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
        }
    }
}
