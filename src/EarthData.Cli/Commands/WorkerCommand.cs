using System.CommandLine;
using EarthData.Jobs.Background;
using EarthData.Server.Composition;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EarthData.Cli.Commands;

/// <summary>
/// <c>earthdata worker [--queues …] [--workers N]</c>: a process that only runs pipeline jobs from the shared
/// (PostgreSQL) job storage — the scale-out shape. Stops on Ctrl+C / SIGTERM, handing unfinished jobs back.
/// </summary>
internal static class WorkerCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var queues = new Option<string>("--queues") { Description = "Queues to serve, comma-separated", DefaultValueFactory = _ => string.Join(',', SceneQueues.All) };
        var workers = new Option<int?>("--workers") { Description = "Concurrent jobs (default: EarthData:Jobs:Workers, 2)" };
        var data = new Option<string?>("--data") { Description = "Data directory (default: $EARTHDATA_DATA or ./data): staging cache" };
        var command = new Command("worker", "Run pipeline jobs from the shared job storage") { queues, workers, data };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async token =>
        {
            var names = parse.GetValue(queues)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var unknown = names.Where(n => !SceneQueues.All.Contains(n, StringComparer.Ordinal)).ToList();
            if (names.Length == 0 || unknown.Count > 0)
            {
                throw new ArgumentException($"--queues: '{string.Join(',', unknown)}' is not among {string.Join(", ", SceneQueues.All)}");
            }

            if (parse.GetValue(workers) is { } count && count is < 1 or > 64)
            {
                throw new ArgumentException($"--workers: {count}: use 1-64");
            }

            using var host = EarthDataHost.Build(DataDirectory.Resolve(parse.GetValue(data)), EarthDataRole.Worker(names, parse.GetValue(workers)), logLevel: LogLevel.Information);
            var settings = host.Services.GetRequiredService<EarthDataSettings>();
            if (settings.JobStorage != JobStorageProvider.PostgreSql)
            {
                throw new ArgumentException(
                    "earthdata worker needs the shared job storage: set EarthData__Jobs__Storage=PostgreSql (the embedded default runs its workers inside 'earthdata serve')");
            }

            NativeMemoryLimits.Apply(NativeMemoryLimits.ProcessingCacheBytes);
            await host.StartAsync(token).ConfigureAwait(false);
            await stdout.WriteLineAsync($"EarthData worker {settings.State.WorkerId} serving {string.Join(',', names)} with {parse.GetValue(workers) ?? settings.Workers} worker(s)")
                .ConfigureAwait(false);
            await host.WaitForShutdownAsync(token).ConfigureAwait(false);
            return 0;
        }, stderr, ct));
        return command;
    }
}
