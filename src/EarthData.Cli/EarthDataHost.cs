using EarthData.Server.Alerts;
using EarthData.Server.Composition;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EarthData.Cli;

/// <summary>
/// The .NET Generic Host of <c>worker</c>, <c>ingest</c> and <c>publish</c> (<c>serve</c> uses the web host of
/// EarthData.Server): configuration from <c>./appsettings.json</c>, <c>{data}/appsettings.json</c>, the environment and
/// the command line, then <see cref="EarthDataServiceCollectionExtensions.AddEarthData(IServiceCollection, EarthDataSettings, EarthDataRole)"/>.
/// </summary>
internal static class EarthDataHost
{
    /// <summary>Builds the host; settings are validated here (one message naming every bad setting).</summary>
    /// <param name="dataDirectory">The resolved data directory.</param>
    /// <param name="role">What the process does with the job system.</param>
    /// <param name="overrides">Settings from command-line options (win over every other source).</param>
    /// <param name="logLevel">Least level logged to stderr, unless the <c>Logging</c> section of the configuration says otherwise per category.</param>
    public static IHost Build(string dataDirectory, EarthDataRole role, IReadOnlyDictionary<string, string?>? overrides = null, LogLevel logLevel = LogLevel.Warning)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true, reloadOnChange: false)
            .AddJsonFile(Path.Combine(dataDirectory, "appsettings.json"), optional: true, reloadOnChange: false)
            .AddEnvironmentVariables()
            .AddInMemoryCollection([new(EarthDataSettings.DataDirectoryKey, dataDirectory), .. (overrides ?? new Dictionary<string, string?>()).Where(o => o.Value is not null)]);
        var settings = EarthDataSettings.Load(builder.Configuration);
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(logLevel);
        builder.Logging.AddFilter("Hangfire", LogLevel.Warning);
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging")); // e.g. Logging__LogLevel__EarthData.Jobs=Information
        builder.Logging.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddEarthData(settings, role);
        builder.Services.AddEarthDataAlerts(builder.Configuration);
        return builder.Build();
    }
}
