using System.CommandLine;
using EarthData.Core.Catalog;
using EarthData.Jobs.Scheduling;
using EarthData.Jobs.State;
using EarthData.Server.Composition;
using Microsoft.Extensions.DependencyInjection;

namespace EarthData.Cli.Commands;

/// <summary>
/// <c>earthdata ingest &lt;source&gt; [--wait] [--force]</c>: queues a scene through the configured job storage. With the
/// shared PostgreSQL job storage the workers take it (and <c>--wait</c> follows it); with the embedded in-memory job
/// storage no other process could serve the queue, so the stages run here, to the end.
/// </summary>
internal static class IngestCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var source = new Argument<string>("source") { Description = "A scene id (looked up in the configured sources), a scene folder, or a STAC item URL" };
        var wait = new Option<bool>("--wait") { Description = "Show progress until the scene is published or fails; exit non-zero if it fails" };
        var force = new Option<bool>("--force") { Description = "Re-process a scene that is already published" };
        var data = new Option<string?>("--data") { Description = "Data directory (default: $EARTHDATA_DATA or ./data)" };
        var command = new Command("ingest", "Queue a scene for ingestion (by id, folder or STAC item URL)") { source, wait, force, data };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async token =>
        {
            using var host = EarthDataHost.Build(DataDirectory.Resolve(parse.GetValue(data)), EarthDataRole.Client);
            await host.StartAsync(token).ConfigureAwait(false);
            var settings = host.Services.GetRequiredService<EarthDataSettings>();
            SceneRecord record;
            if (settings.JobStorage == JobStorageProvider.InMemory)
            {
                NativeMemoryLimits.Apply(NativeMemoryLimits.ProcessingCacheBytes);
                record = await PublishCommand.RunAsync(host.Services, parse.GetValue(source)!, parse.GetValue(force), stderr, token).ConfigureAwait(false);
            }
            else
            {
                var outcome = await host.Services.GetRequiredService<SceneIntake>().QueueAsync(parse.GetValue(source)!, parse.GetValue(force), token).ConfigureAwait(false);
                await stdout.WriteLineAsync(outcome.Accepted
                    ? $"queued {outcome.Record.SceneId}"
                    : $"{outcome.Record.SceneId} is already {outcome.Record.State}").ConfigureAwait(false);
                record = parse.GetValue(wait)
                    ? await SceneWatch.UntilFinalAsync(host.Services.GetRequiredService<SceneStateService>(), outcome.Record.SceneId, stderr, null, token).ConfigureAwait(false)
                    : outcome.Record;
            }

            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
            if (record.State is SceneState.Failed or SceneState.Rejected)
            {
                throw new InvalidOperationException($"{record.SceneId} {record.State}: {record.Reason}");
            }

            await stdout.WriteLineAsync($"{record.SceneId}: {record.State}").ConfigureAwait(false);
            return 0;
        }, stderr, ct));
        return command;
    }
}
