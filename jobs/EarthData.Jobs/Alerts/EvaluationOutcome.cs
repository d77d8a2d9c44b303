using EarthData.Alerts.Hazards;
using EarthData.Core.Alerts;

namespace EarthData.Jobs.Alerts;

/// <summary>What evaluating one hazard of one subscription on one scene gave.</summary>
/// <param name="SubscriptionId">The subscription.</param>
/// <param name="Hazard">The hazard.</param>
/// <param name="Finding">The rule's finding (null when the hazard could not be evaluated; see <paramref name="Note"/>).</param>
/// <param name="Message">The message issued (Alert, Update or Cancel), or null.</param>
/// <param name="Note">Why the hazard was not evaluated (e.g. not enough history), or null.</param>
public sealed record EvaluationOutcome(string SubscriptionId, Hazard Hazard, HazardFinding? Finding, AlertMessage? Message, string? Note);
