using System.Globalization;
using EarthData.JobStorageBench;

// dotnet run -c Release --project tests/EarthData.JobStorageBench -- [--jobs 2000] [--workers 4] [--job-ms 10] [--only NAME]
// Measures how often Hangfire runs a job more than once, or never, on Hangfire.Storage.SQLite shared by two server
// processes (one of them SIGKILLed mid-run in one scenario), against Hangfire.InMemory in one process. Prints a table.
if (args.Length > 0 && args[0] == "--serve")
{
    return ServerProcess.Run(args);
}

int Option(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}

var jobs = Option("--jobs", 2000);
var workers = Option("--workers", 4);
var jobMs = Option("--job-ms", 10);
var only = Array.IndexOf(args, "--only") is var o and >= 0 && o + 1 < args.Length ? args[o + 1] : null;
var thirty = TimeSpan.FromSeconds(30);
BenchScenario[] scenarios =
[
    new("inmemory", Sqlite: false, Servers: 1, workers, jobs, jobMs, TimeSpan.Zero, KillOneAt: null),
    new("sqlite", Sqlite: true, Servers: 2, workers, jobs, jobMs, thirty, KillOneAt: null),
    new("sqlite-kill", Sqlite: true, Servers: 2, workers, jobs, jobMs, thirty, KillOneAt: 0.3),
    // Our stages run for minutes: a job that outlives the invisibility timeout, on a storage whose timeout is not
    // sliding, is handed to a second worker while the first still runs it.
    new("sqlite-long", Sqlite: true, Servers: 2, workers, 4 * workers, 5000, TimeSpan.FromSeconds(2), KillOneAt: null),
];
Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
Console.WriteLine(BenchResult.Header);
foreach (var scenario in scenarios.Where(s => only is null || s.Name == only))
{
    Console.WriteLine(BenchRunner.Run(scenario).Row());
}

return 0;
