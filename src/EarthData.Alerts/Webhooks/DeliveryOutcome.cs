namespace EarthData.Alerts.Webhooks;

/// <summary>What became of one delivery attempt.</summary>
public enum DeliveryOutcome
{
    /// <summary>The endpoint answered 2xx.</summary>
    Delivered,

    /// <summary>The attempt failed; try again after the result's delay.</summary>
    RetryLater,

    /// <summary>The endpoint answered 410 Gone: disable it, send nothing more.</summary>
    EndpointGone,

    /// <summary>The attempt failed and no attempt is left (or the target was refused).</summary>
    Failed,
}
