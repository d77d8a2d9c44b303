using Spectre.Console;

namespace EarthData.Cli;

/// <summary>Shows a progress bar on stderr while work runs, when stderr is a terminal; plain otherwise.</summary>
internal static class ProgressDisplay
{
    public static T Run<T>(TextWriter stderr, string description, Func<IProgress<double>, T> work)
    {
        if (!ReferenceEquals(stderr, Console.Error) || Console.IsErrorRedirected)
        {
            return work(new Progress<double>(_ => { }));
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        T result = default!;
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(description, maxValue: 1);
                result = work(new SynchronousProgress(v => task.Value = Math.Clamp(v, 0, 1)));
                task.Value = 1;
            });
        return result;
    }

    private sealed class SynchronousProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
