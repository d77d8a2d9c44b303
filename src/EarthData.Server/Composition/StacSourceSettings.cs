using EarthData.Core.Scenes;

namespace EarthData.Server.Composition;

/// <summary>The STAC API source (<c>EarthData:Sources:Stac:*</c>): new items of CBERS collections of another STAC API. Off unless a URL is set.</summary>
public sealed record StacSourceSettings
{
    private const string Section = "EarthData:Sources:Stac:";

    /// <summary>The STAC API's landing page (<c>EarthData:Sources:Stac:Url</c>), e.g. <c>https://maps.example.org/stac</c>.</summary>
    public required Uri Url { get; init; }

    /// <summary>The collections searched (<c>EarthData:Sources:Stac:Collections</c>, comma-separated; default every CBERS collection).</summary>
    public required IReadOnlyList<string> Collections { get; init; }

    /// <summary>Time limit of one API request (<c>EarthData:Sources:Stac:RequestTimeout</c>, default 30 s).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Items per search page (<c>EarthData:Sources:Stac:PageSize</c>, 1-1000, default 100).</summary>
    public int PageSize { get; init; } = 100;

    /// <summary>Reads the section; null when no URL is set. Adds one problem per bad setting.</summary>
    internal static StacSourceSettings? Bind(SettingsReader read)
    {
        var url = read.AbsoluteUrl(Section + "Url", "http", "https");
        var text = read.Text(Section + "Collections");
        var timeout = read.Duration(Section + "RequestTimeout");
        var pageSize = read.Int(Section + "PageSize", 1, 1000);
        if (read.Text(Section + "Url") is null)
        {
            if (text is not null || timeout is not null || pageSize is not null)
            {
                read.Problems.Add($"{Section}Url is required when another {Section}* setting is set");
            }

            return null;
        }

        if (url is not null && !string.IsNullOrEmpty(url.Query))
        {
            read.Problems.Add($"{Section}Url: '{url}' must not have a query");
        }

        var collections = text is null
            ? CameraCatalog.CollectionIds
            : [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        if (collections.Count == 0 || collections.Any(c => !CameraCatalog.CollectionIds.Contains(c)))
        {
            read.Problems.Add($"{Section}Collections: '{text}' is not a comma-separated list of CBERS collections ({string.Join(", ", CameraCatalog.CollectionIds)})");
        }

        if (timeout is { } t && (t < TimeSpan.FromSeconds(1) || t > TimeSpan.FromMinutes(10)))
        {
            read.Problems.Add($"{Section}RequestTimeout must be between 00:00:01 and 00:10:00");
        }

        return url is null ? null : new StacSourceSettings { Url = url, Collections = collections, RequestTimeout = timeout ?? TimeSpan.FromSeconds(30), PageSize = pageSize ?? 100 };
    }
}
