using EarthData.Core.Catalog;
using EarthData.Core.Storage;
using EarthData.Jobs.Background;
using EarthData.Jobs.Pipeline;
using EarthData.Jobs.Scheduling;
using EarthData.Jobs.Sources;
using EarthData.Jobs.Stages;
using EarthData.Jobs.State;
using EarthData.Storage.Configuration;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;

namespace EarthData.Server.Composition;

/// <summary>
/// The one composition of EarthData, used by <c>serve</c>, <c>worker</c>, <c>ingest</c> and <c>publish</c> on the
/// .NET Generic Host: storage, the scene-state service, sources, stages, the pipeline and Hangfire.
/// </summary>
public static class EarthDataServiceCollectionExtensions
{
    /// <summary>Reads and validates the settings from <paramref name="configuration"/> and registers everything.</summary>
    /// <exception cref="ArgumentException">Settings are invalid (the message names each bad setting).</exception>
    public static IServiceCollection AddEarthData(this IServiceCollection services, IConfiguration configuration, EarthDataRole? role = null) =>
        services.AddEarthData(EarthDataSettings.Load(configuration), role ?? EarthDataRole.Client);

    /// <summary>Registers everything for validated <paramref name="settings"/>.</summary>
    public static IServiceCollection AddEarthData(this IServiceCollection services, EarthDataSettings settings, EarthDataRole role)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(role);
        services.AddSingleton(settings);
        services.AddSingleton(role);
        services.AddSingleton(_ => StorageFactory.CreateObjectStore(settings.Storage, settings.DataDirectory));
        services.AddSingleton(_ => StorageFactory.CreateCatalogStore(settings.Storage, settings.DataDirectory));
        services.AddSingleton<ISceneRecordStore>(sp => sp.GetRequiredService<ICatalogStore>());
        services.AddSingleton(TimeProvider.System);

        services.AddSingleton(sp => new SceneStateService(sp.GetRequiredService<ISceneRecordStore>(), settings.State, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(_ => new SceneWorkspace(Path.Combine(settings.DataDirectory, "staging")));
        services.AddSingleton(sp => new SceneHandoff(sp.GetRequiredService<IObjectStore>()));
        services.AddSingleton(_ => SceneSourceComposition.Create(settings));
        services.AddSingleton(sp => new ScenePublisher(sp.GetRequiredService<IObjectStore>(), sp.GetRequiredService<ICatalogStore>(),
            new PublishOptions { PublicUrl = settings.PublicUrl, PublicObjectsUrl = settings.PublicObjectsUrl, UploadParallelism = settings.UploadParallelism }));
        services.AddSingleton<IPipelineStage>(sp => new IngestStage(sp.GetRequiredService<SceneSources>(), sp.GetRequiredService<SceneHandoff>(),
            sp.GetRequiredService<SceneWorkspace>(), settings.UploadParallelism));
        services.AddSingleton<IPipelineStage>(sp => new ProcessStage(sp.GetRequiredService<SceneHandoff>(), sp.GetRequiredService<SceneWorkspace>(),
            settings.Processing, settings.UploadParallelism));
        services.AddSingleton<IPipelineStage>(sp => new TileStage(sp.GetRequiredService<SceneHandoff>(), sp.GetRequiredService<SceneWorkspace>(),
            settings.Processing, settings.UploadParallelism));
        services.AddSingleton<IPipelineStage>(sp => new PublishStage(sp.GetRequiredService<SceneHandoff>(), sp.GetRequiredService<SceneWorkspace>(),
            sp.GetRequiredService<ScenePublisher>()));
        services.AddSingleton<ISceneAlertHook, HangfireAlertHook>();
        services.AddSingleton<ISceneJobScheduler, HangfireSceneJobScheduler>();
        services.AddSingleton<ScenePipeline>();
        services.AddSingleton<SceneIntake>();
        services.AddSingleton(sp => new SceneRecovery(sp.GetRequiredService<ISceneRecordStore>(), sp.GetRequiredService<ISceneJobScheduler>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<SceneDiscovery>();

        AddJobs(services, settings, role);
        services.AddHostedService<CatalogInitializer>();
        services.AddHostedService<PipelineStartup>();
        return services;
    }

    private static void AddJobs(IServiceCollection services, EarthDataSettings settings, EarthDataRole role)
    {
        // This host's own storage and job activator, registered before AddHangfire (which only adds them when absent).
        // Hangfire's defaults are the process-wide JobStorage.Current and JobActivator.Current, which the last host
        // configured wins: two hosts in one process (the tests run many) would enqueue into each other's storage and
        // run each other's jobs with the other's services.
        services.AddSingleton<JobStorage>(provider =>
        {
            provider.GetRequiredService<IGlobalConfiguration>(); // serializer settings before the first job is written
            return CreateJobStorage(settings);
        });
        services.AddSingleton<JobActivator>(provider => new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()));
        // Hangfire's log provider is process-wide too, and AddHangfire points it at this host's logger factory, which
        // dies with the host: HangfireHostLogs writes to whichever host is running instead.
        services.AddHostedService<HangfireHostLogs>();
        services.AddHangfire(config =>
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings()
                .UseLogProvider(HangfireHostLogs.Provider));

        if (role.Workers)
        {
            services.AddHangfireServer(options =>
            {
                options.Queues = [.. role.Queues];
                options.WorkerCount = role.WorkerCount ?? settings.Workers;
                options.SchedulePollingInterval = TimeSpan.FromSeconds(2);
                options.ShutdownTimeout = TimeSpan.FromSeconds(10);
                options.ServerName = settings.State.WorkerId;
            });
        }
    }

    private static JobStorage CreateJobStorage(EarthDataSettings settings)
    {
        if (settings.JobStorage != JobStorageProvider.PostgreSql)
        {
            return new InMemoryStorage();
        }

        var options = new PostgreSqlStorageOptions
        {
            SchemaName = settings.JobSchema,
            PrepareSchemaIfNecessary = true,
            // A fetched job stays invisible only while its worker heart-beats; a killed worker's job is taken by
            // another after InvisibilityTimeout.
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = settings.InvisibilityTimeout,
            QueuePollInterval = settings.PollInterval,
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(settings.JobConnectionString, options), options);
    }
}
