using EarthData.Alerts.Cap;
using EarthData.Alerts.Hazards;
using EarthData.Alerts.Stores;
using EarthData.Alerts.Webhooks;
using EarthData.Core.Alerts;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EarthData.Server.Alerts;

/// <summary>
/// Registers what the alert endpoints need: the alert and subscription stores (in memory: the SQLite/PostgreSQL stores
/// are not written yet), the CAP writer (<c>EarthData:Alerts:Sender</c>, default <c>earthdata@localhost</c>), the
/// webhook target guard (<c>EarthData:Webhooks:AllowPrivateTargets</c>), and the thresholds (<c>EarthData:Alerts</c>).
/// </summary>
public static class AlertServices
{
    /// <summary>Adds the alert services.</summary>
    public static IServiceCollection AddEarthDataAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var thresholds = configuration.GetSection("EarthData:Alerts").Get<HazardThresholds>() ?? new HazardThresholds();
        thresholds.Validate();
        services.AddSingleton(thresholds);
        services.AddSingleton<IAlertStore, InMemoryAlertStore>();
        services.AddSingleton<ISubscriptionStore, InMemorySubscriptionStore>();
        services.AddSingleton(new CapWriter(configuration["EarthData:Alerts:Sender"] ?? "earthdata@localhost", null));
        services.AddSingleton(new WebhookTargetGuard(configuration.GetValue("EarthData:Webhooks:AllowPrivateTargets", false)));
        services.AddSingleton(new AlertStreamOptions(TimeSpan.FromMilliseconds(configuration.GetValue("EarthData:Alerts:StreamPollMilliseconds", 2000))));
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
