using System.Security.Cryptography;
using System.Text.Json;
using EarthData.Alerts.Cap;
using EarthData.Alerts.Subscriptions;
using EarthData.Alerts.Webhooks;
using EarthData.Core.Alerts;

namespace EarthData.Server.Alerts;

/// <summary>
/// Parses a <c>POST /api/subscriptions</c> body —
/// <c>{"area": &lt;GeoJSON Polygon|MultiPolygon&gt;, "hazards": ["drought","flood","burn"], "minSeverity": "Minor|Moderate|Severe|Extreme",
/// "languages": ["en","zh","pt"], "webhook": {"url": "…", "secret": "whsec_…"}}</c> — into a <see cref="Subscription"/>,
/// or the first problem and the member it concerns.
/// </summary>
internal static class SubscriptionRequest
{
    public static (Subscription? Subscription, string? Error, string? Member) Parse(JsonElement body, WebhookTargetGuard guard, DateTimeOffset now)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return (null, "the body must be a JSON object", null);
        }

        if (!body.TryGetProperty("area", out var areaJson))
        {
            return (null, "'area' (a GeoJSON Polygon or MultiPolygon) is required", "area");
        }

        var (area, areaError) = AreaOfInterest.Read(areaJson);
        if (area is null)
        {
            return (null, areaError, "area");
        }

        var hazards = new List<Hazard>();
        if (!body.TryGetProperty("hazards", out var hazardsJson) || hazardsJson.ValueKind != JsonValueKind.Array || hazardsJson.GetArrayLength() == 0)
        {
            return (null, "'hazards' must be a non-empty array of drought, flood, burn", "hazards");
        }

        foreach (var item in hazardsJson.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || !Enum.TryParse<Hazard>(item.GetString(), ignoreCase: true, out var hazard) || !Enum.IsDefined(hazard)
                || int.TryParse(item.GetString(), out _))
            {
                return (null, $"unknown hazard {item}; use drought, flood or burn", "hazards");
            }

            if (!hazards.Contains(hazard))
            {
                hazards.Add(hazard);
            }
        }

        var minSeverity = AlertSeverity.Minor;
        if (body.TryGetProperty("minSeverity", out var severityJson)
            && (severityJson.ValueKind != JsonValueKind.String || !Enum.TryParse(severityJson.GetString(), ignoreCase: false, out minSeverity)
                || minSeverity == AlertSeverity.Unknown || int.TryParse(severityJson.GetString(), out _)))
        {
            return (null, $"minSeverity {severityJson} must be Minor, Moderate, Severe or Extreme", "minSeverity");
        }

        var languages = new List<string>();
        if (body.TryGetProperty("languages", out var languagesJson))
        {
            if (languagesJson.ValueKind != JsonValueKind.Array)
            {
                return (null, "'languages' must be an array of en, zh, pt", "languages");
            }

            foreach (var item in languagesJson.EnumerateArray())
            {
                var language = item.ValueKind == JsonValueKind.String ? item.GetString()! : "";
                if (!AlertTexts.IsSupported(language))
                {
                    return (null, $"language {item} is not supported; use en, zh or pt", "languages");
                }

                if (!languages.Contains(language))
                {
                    languages.Add(language);
                }
            }
        }

        Uri? url = null;
        string? secret = null;
        if (body.TryGetProperty("webhook", out var webhook) && webhook.ValueKind != JsonValueKind.Null)
        {
            var urlText = webhook.ValueKind == JsonValueKind.Object && webhook.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
            if (guard.CheckUrl(urlText) is { } refusal)
            {
                return (null, refusal, "webhook.url");
            }

            secret = webhook.TryGetProperty("secret", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            try
            {
                _ = new WebhookSigner(secret ?? "");
            }
            catch (ArgumentException ex)
            {
                return (null, $"webhook.secret: {ex.Message.Split(" (Parameter", 2)[0]}", "webhook.secret");
            }

            url = new Uri(urlText!);
        }

        return (new Subscription
        {
            Id = "sub_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
            Area = area,
            Hazards = hazards,
            MinSeverity = minSeverity,
            Languages = languages.Count == 0 ? ["en"] : languages,
            WebhookUrl = url,
            WebhookSecret = secret,
            Created = now,
        }, null, null);
    }
}
