using Hangfire;
using Hangfire.Logging;

namespace EarthData.Server.Tests;

/// <summary>
/// Hangfire logs through one process-wide provider: a host that stopped must not take it down for the hosts still
/// running (before, its disposed logger factory failed their job creation and disabled their recurring jobs).
/// Runs alone: which host receives Hangfire's messages depends on which hosts run.
/// </summary>
[Collection(nameof(RunsAlone))]
public sealed class HangfireHostLogsTests
{
    [Fact]
    public async Task AHostThatStopped_LeavesTheRunningHostsJobsAndHangfireLogsWorking()
    {
        var running = new RunningServer();
        await running.InitializeAsync();
        try
        {
            var stopped = new RunningServer();
            await stopped.InitializeAsync();
            await stopped.DisposeAsync();

            var id = running.Service<IBackgroundJobClient>().Enqueue(() => Console.WriteLine("after another host stopped"));
            LogProvider.GetLogger("EarthData.HangfireHostLogsTests").Log(Hangfire.Logging.LogLevel.Warn, () => "logged after another host stopped");

            Assert.False(string.IsNullOrEmpty(id));
            Assert.Contains(running.Log.Lines, line => line.EndsWith("EarthData.HangfireHostLogsTests: logged after another host stopped", StringComparison.Ordinal));
        }
        finally
        {
            await running.DisposeAsync();
        }
    }
}
