using System.Globalization;
using EarthData.Core.Alerts;
using EarthData.Core.Geometry;

namespace EarthData.Server.Alerts;

/// <summary>Parses the <c>bbox</c>, <c>hazard</c>, <c>severity</c> and <c>datetime</c> filters of alert listings and feeds.</summary>
internal static class AlertRequestFilters
{
    public static (AlertQuery? Query, string? Error, string? Parameter) Parse(IQueryCollection query)
    {
        var result = new AlertQuery();
        if (query["bbox"].ToString() is { Length: > 0 } bbox)
        {
            var parts = bbox.Split(',');
            var values = new double[parts.Length];
            if (parts.Length != 4 || !parts.Select((p, i) => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out values[i])).All(ok => ok)
                || values[0] > values[2] || values[1] > values[3])
            {
                return (null, $"bbox '{bbox}' must be minLon,minLat,maxLon,maxLat", "bbox");
            }

            result = result with { BoundingBox = new BoundingBox(values[0], values[1], values[2], values[3]) };
        }

        if (query["hazard"].ToString() is { Length: > 0 } hazardText)
        {
            if (!Enum.TryParse<Hazard>(hazardText, ignoreCase: true, out var hazard) || int.TryParse(hazardText, out _))
            {
                return (null, $"hazard '{hazardText}' must be drought, flood or burn", "hazard");
            }

            result = result with { Hazard = hazard };
        }

        if (query["severity"].ToString() is { Length: > 0 } severityText)
        {
            if (!Enum.TryParse<AlertSeverity>(severityText, ignoreCase: true, out var severity) || int.TryParse(severityText, out _))
            {
                return (null, $"severity '{severityText}' must be Minor, Moderate, Severe or Extreme (the least severity listed)", "severity");
            }

            result = result with { MinSeverity = severity };
        }

        if (query["datetime"].ToString() is { Length: > 0 } datetime)
        {
            var ends = datetime.Split('/');
            if (ends.Length > 2)
            {
                return (null, $"datetime '{datetime}' must be an RFC 3339 instant or an interval a/b ('..' for open)", "datetime");
            }

            DateTimeOffset? from = null, to = null;
            for (var i = 0; i < ends.Length; i++)
            {
                if (ends[i] is ".." or "" && ends.Length == 2)
                {
                    continue;
                }

                if (!DateTimeOffset.TryParse(ends[i], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
                {
                    return (null, $"datetime '{datetime}': '{ends[i]}' is not an RFC 3339 date-time", "datetime");
                }

                if (i == 0)
                {
                    from = instant;
                }

                to = ends.Length == 1 || i == 1 ? instant : to;
            }

            result = result with { From = from, To = to };
        }

        if (query["limit"].ToString() is { Length: > 0 } limitText)
        {
            if (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) || limit is < 1 or > 1000)
            {
                return (null, $"limit '{limitText}' must be 1–1000", "limit");
            }

            result = result with { Limit = limit };
        }

        return (result, null, null);
    }
}
