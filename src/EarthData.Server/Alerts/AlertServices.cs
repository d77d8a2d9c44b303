using EarthData.Alerts.Cap;
using EarthData.Alerts.Hazards;
using EarthData.Alerts.Webhooks;
using EarthData.Core.Alerts;
using EarthData.Core.Storage;
using EarthData.Jobs.Alerts;
using EarthData.Jobs.Background;
using EarthData.Server.Composition;
using EarthData.Storage.Alerts;
using EarthData.Storage.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EarthData.Server.Alerts;

/// <summary>
/// Registers the alert feature on top of <see cref="EarthDataServiceCollectionExtensions.AddEarthData(IServiceCollection, EarthDataSettings, EarthDataRole)"/>
/// (for <c>serve</c> and <c>worker</c> alike): the alert and subscription stores in the catalogue database
/// (<c>EarthData:Catalog:Provider</c>: the SQLite file or the PostgreSQL schema), baselines (COGs in the object store,
/// records in the catalogue database), the evaluator the <c>EvaluateAlerts</c> job runs, webhook delivery as
/// <c>DeliverWebhook</c> jobs (pending evaluations and open claims re-enqueued at start-up with the in-memory job
/// storage, and pending evaluations no job carries swept every minute on any storage, see <see cref="AlertRecovery"/>), the CAP writer
/// (<c>EarthData:Alerts:Sender</c>, default <c>earthdata@localhost</c>), the webhook target guard
/// (<c>EarthData:Webhooks:AllowPrivateTargets</c>), and the thresholds (<c>EarthData:Alerts</c>).
/// </summary>
public static class AlertServices
{
    /// <summary>Adds the alert services.</summary>
    public static IServiceCollection AddEarthDataAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var thresholds = configuration.GetSection("EarthData:Alerts").Get<HazardThresholds>() ?? new HazardThresholds();
        thresholds.Validate();
        var guard = new WebhookTargetGuard(configuration.GetValue("EarthData:Webhooks:AllowPrivateTargets", false));
        services.AddSingleton(thresholds);
        services.AddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<EarthDataSettings>();
            return StorageFactory.CreateAlertDatabase(settings.Storage, settings.DataDirectory);
        });
        services.AddSingleton<IAlertStore>(sp => new SqlAlertStore(sp.GetRequiredService<AlertDatabase>()));
        services.AddSingleton<ISubscriptionStore>(sp => new SqlSubscriptionStore(sp.GetRequiredService<AlertDatabase>()));
        services.AddSingleton<IBaselineStore>(sp => new SqlBaselineStore(sp.GetRequiredService<AlertDatabase>(), sp.GetRequiredService<IObjectStore>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(PendingEvaluationSweep.Load(configuration));
        services.AddSingleton<EvaluationRecovery>();
        services.AddSingleton(new CapWriter(configuration["EarthData:Alerts:Sender"] ?? "earthdata@localhost", null));
        services.AddSingleton(guard);
        services.AddSingleton(sp => new WebhookDelivery(new HttpClient(WebhookHttpHandler.Create(guard)), guard, new WebhookRetryPolicy(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IWebhookScheduler, HangfireWebhookScheduler>();
        services.AddSingleton<AlertDispatcher>();
        services.AddSingleton(sp => new AlertEvaluator(sp.GetRequiredService<IAlertStore>(), sp.GetRequiredService<ISubscriptionStore>(), thresholds,
            sp.GetRequiredService<AlertDispatcher>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IBaselineStore>()));
        services.AddSingleton(new AlertStreamOptions(TimeSpan.FromMilliseconds(configuration.GetValue("EarthData:Alerts:StreamPollMilliseconds", 2000))));
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService<AlertRecovery>();
        return services;
    }
}
