using System.Globalization;
using System.Xml.Linq;
using EarthData.Alerts.Cap;
using EarthData.Core.Alerts;

namespace EarthData.Alerts.Feeds;

/// <summary>
/// An Atom (RFC 4287) feed of CAP alerts: one entry per message, newest first, each with its English headline, an
/// <c>alternate</c> link to the CAP document (<c>application/cap+xml</c>) and the CAP alert itself inline as content.
/// </summary>
/// <param name="cap">Writes the CAP documents.</param>
/// <param name="baseUrl">The absolute base URL links are made from.</param>
public sealed class AtomFeedWriter(CapWriter cap, Uri baseUrl)
{
    /// <summary>The Atom namespace.</summary>
    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    /// <summary>The Atom media type.</summary>
    public const string MediaType = "application/atom+xml";

    /// <summary>The feed of <paramref name="messages"/>, served at <paramref name="selfUrl"/>.</summary>
    public XDocument Write(IReadOnlyList<AlertMessage> messages, Uri selfUrl, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(selfUrl);
        var ordered = messages.OrderByDescending(m => m.Sent).ThenBy(m => m.Id, StringComparer.Ordinal).ToList();
        var updated = ordered.Count > 0 ? ordered[0].Sent : now;
        var feed = new XElement(Atom + "feed",
            new XElement(Atom + "id", $"urn:earthdata:{cap.Sender}:alerts"),
            new XElement(Atom + "title", "EarthData alerts"),
            new XElement(Atom + "updated", Rfc3339(updated)),
            new XElement(Atom + "author", new XElement(Atom + "name", "EarthData")),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("type", MediaType), new XAttribute("href", selfUrl.AbsoluteUri)));
        foreach (var message in ordered)
        {
            var id = Uri.EscapeDataString(message.Id);
            feed.Add(new XElement(Atom + "entry",
                new XElement(Atom + "id", $"urn:earthdata:{cap.Sender}:alert:{message.Id}"),
                new XElement(Atom + "title", AlertTexts.Headline(message, "en")),
                new XElement(Atom + "updated", Rfc3339(message.Sent)),
                new XElement(Atom + "category", new XAttribute("term", message.Hazard.ToString().ToLowerInvariant())),
                new XElement(Atom + "category", new XAttribute("term", message.Severity.ToString())),
                new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", CapWriter.MediaType),
                    new XAttribute("href", new Uri(baseUrl, $"api/alerts/{id}/cap").AbsoluteUri)),
                new XElement(Atom + "link", new XAttribute("rel", "related"), new XAttribute("type", AlertGeoJson.MediaType),
                    new XAttribute("href", new Uri(baseUrl, $"api/alerts/{id}?f=geojson").AbsoluteUri)),
                new XElement(Atom + "summary", AlertTexts.Description(message, "en")),
                new XElement(Atom + "content", new XAttribute("type", CapWriter.MediaType), cap.Write(message).Root)));
        }

        return new XDocument(new XDeclaration("1.0", "UTF-8", null), feed);
    }

    private static string Rfc3339(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
