using System.Globalization;
using System.Xml.Linq;
using EarthData.Core.Alerts;
using EarthData.Core.Geometry;

namespace EarthData.Alerts.Cap;

/// <summary>
/// Writes an <see cref="AlertMessage"/> as a CAP 1.2 alert (OASIS, <c>urn:oasis:names:tc:emergency:cap:1.2</c>), with
/// the rules the XSD does not check: times in UTC written <c>-00:00</c> without fractional seconds; one <c>info</c> per
/// language; polygons as <c>lat,lon</c> pairs with at most 6 decimals, closed, at least 4 pairs (CAP polygons have no
/// holes: each polygon's exterior ring is written, a multipolygon as several <c>polygon</c> elements);
/// <c>references</c> on Update and Cancel.
/// </summary>
/// <param name="sender">CAP <c>sender</c>: a globally unique id of this EarthData installation (e.g. <c>earthdata@example.org</c>).</param>
/// <param name="publicUrl">Base URL the alert's <c>web</c> link is built on (e.g. <c>https://earthdata.example.org</c>), or null.</param>
public sealed class CapWriter(string sender, Uri? publicUrl)
{
    /// <summary>The CAP 1.2 namespace.</summary>
    public static readonly XNamespace Ns = "urn:oasis:names:tc:emergency:cap:1.2";

    /// <summary>The CAP media type.</summary>
    public const string MediaType = "application/cap+xml";

    /// <summary>The CAP <c>sender</c> of this installation.</summary>
    public string Sender { get; } = !string.IsNullOrWhiteSpace(sender) && !sender.Any(c => char.IsWhiteSpace(c) || c is ',' or '<' or '&')
        ? sender
        : throw new ArgumentException($"CAP sender '{sender}' must be non-empty without spaces, commas, '<' or '&'", nameof(sender));

    /// <summary>The CAP document of <paramref name="message"/> in <paramref name="languages"/> (default en, zh, pt).</summary>
    public XDocument Write(AlertMessage message, IReadOnlyList<string>? languages = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        languages ??= AlertTexts.Languages;
        if (languages.Count == 0 || languages.Distinct(StringComparer.Ordinal).Count() != languages.Count)
        {
            throw new ArgumentException("CAP needs one info per language: give each language once.", nameof(languages));
        }

        var alert = new XElement(Ns + "alert",
            new XElement(Ns + "identifier", message.Id),
            new XElement(Ns + "sender", Sender),
            new XElement(Ns + "sent", FormatTime(message.Sent)),
            new XElement(Ns + "status", "Actual"),
            new XElement(Ns + "msgType", message.MessageType.ToString()),
            new XElement(Ns + "scope", "Public"));
        if (message.MessageType != AlertMessageType.Alert)
        {
            if (message.References.Count == 0)
            {
                throw new ArgumentException($"A CAP {message.MessageType} must reference the earlier messages of its event.", nameof(message));
            }

            alert.Add(new XElement(Ns + "references", string.Join(' ', message.References.Select(r => $"{Sender},{r.Identifier},{FormatTime(r.Sent)}"))));
        }

        alert.Add(new XElement(Ns + "incidents", message.EventId));
        foreach (var language in languages)
        {
            alert.Add(Info(message, language));
        }

        return new XDocument(new XDeclaration("1.0", "UTF-8", null), alert);
    }

    /// <summary>A CAP time: <c>yyyy-MM-ddTHH:mm:ss±hh:mm</c>, UTC as <c>-00:00</c>, no fractional seconds.</summary>
    public static string FormatTime(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + "-00:00";
    }

    /// <summary>A ring as CAP <c>lat,lon</c> pairs (6 decimals at most), closed.</summary>
    public static string FormatRing(IReadOnlyList<GeoPoint> ring)
    {
        ArgumentNullException.ThrowIfNull(ring);
        var points = ring.Select(p => (Lat: Math.Round(p.Lat, 6), Lon: Math.Round(p.Lon, 6))).ToList();
        if (points.Count > 0 && points[0] != points[^1])
        {
            points.Add(points[0]);
        }

        if (points.Count < 4)
        {
            throw new ArgumentException($"A CAP polygon needs at least 4 pairs (first = last); this ring has {points.Count}.", nameof(ring));
        }

        return string.Join(' ', points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Lat:0.######},{p.Lon:0.######}")));
    }

    private XElement Info(AlertMessage message, string language)
    {
        var info = new XElement(Ns + "info",
            new XElement(Ns + "language", language),
            new XElement(Ns + "category", message.Hazard == Hazard.Burn ? "Fire" : "Met"),
            new XElement(Ns + "event", AlertTexts.EventName(message.Hazard, language)),
            new XElement(Ns + "responseType", message.MessageType == AlertMessageType.Cancel ? "AllClear" : "Monitor"),
            new XElement(Ns + "urgency", message.MessageType == AlertMessageType.Cancel ? "Past" : "Expected"),
            new XElement(Ns + "severity", message.Severity.ToString()),
            new XElement(Ns + "certainty", "Observed"),
            new XElement(Ns + "effective", FormatTime(message.Sent)),
            new XElement(Ns + "onset", FormatTime(message.Observed)),
            new XElement(Ns + "senderName", "EarthData"),
            new XElement(Ns + "headline", AlertTexts.Headline(message, language)),
            new XElement(Ns + "description", AlertTexts.Description(message, language)));
        if (publicUrl is not null)
        {
            info.Add(new XElement(Ns + "web", new Uri(publicUrl, $"api/alerts/{Uri.EscapeDataString(message.Id)}").AbsoluteUri));
        }

        info.Add(
            Parameter("EarthData:hazard", message.Hazard.ToString().ToLowerInvariant()),
            Parameter("EarthData:affectedAreaKm2", message.Area.AreaKm2.ToString("0.###", CultureInfo.InvariantCulture)),
            Parameter("EarthData:affectedFraction", message.AffectedFraction.ToString("0.####", CultureInfo.InvariantCulture)),
            Parameter("EarthData:scene", message.SceneId));
        if (message.BaselineId is not null)
        {
            info.Add(Parameter("EarthData:baseline", message.BaselineId));
            if (message.BaselineVersion is { } version)
            {
                info.Add(Parameter("EarthData:baselineVersion", version.ToString(CultureInfo.InvariantCulture)));
            }
        }

        var area = new XElement(Ns + "area", new XElement(Ns + "areaDesc", $"{AlertTexts.EventName(message.Hazard, language)}: {message.Footprint}"));
        foreach (var polygon in message.Area.Polygons)
        {
            area.Add(new XElement(Ns + "polygon", FormatRing(polygon[0])));
        }

        info.Add(area);
        return info;
    }

    private static XElement Parameter(string name, string value) =>
        new(Ns + "parameter", new XElement(Ns + "valueName", name), new XElement(Ns + "value", value));
}
