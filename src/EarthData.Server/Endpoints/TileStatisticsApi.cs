using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EarthData.Imaging.Expressions;
using EarthData.Server.Http;
using EarthData.Server.Tiles;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EarthData.Server.Endpoints;

/// <summary>
/// <c>POST /tiles/{collection}/{item}/statistics</c> with a GeoJSON Polygon or MultiPolygon (or a Feature of one):
/// per band, or for <c>expression=</c>, the count, min, max, mean, standard deviation, sum, <c>percentiles=</c> and a
/// histogram (<c>histogram_bins=</c>, <c>histogram_range=</c>) of the valid pixels inside the area (see
/// <see cref="AreaStatistics"/>).
/// </summary>
public static class TileStatisticsApi
{
    /// <summary>Largest request body: 1 MiB (10 000 positions need ~400 KiB).</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    /// <summary>Most percentiles one request may ask for.</summary>
    public const int MaxPercentiles = 32;

    /// <summary>Most histogram bins.</summary>
    public const int MaxBins = 1024;

    /// <summary>Maps the statistics endpoint.</summary>
    public static IEndpointRouteBuilder MapTileStatisticsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/tiles/{collection}/{item}/statistics", PostStatistics)
            .WithBodySizeLimit(MaxBodyBytes)
            .RequireRateLimiting(HttpHardening.CostlyPolicy);
        return endpoints;
    }

    private static async Task<Results<JsonHttpResult<JsonObject>, ProblemHttpResult>> PostStatistics(
        string collection, string item, HttpContext context, ItemTileSets items, AreaStatistics statistics)
    {
        if (TileProblems.InvalidNames(("collection", collection), ("item", item)) is { } invalid)
        {
            return invalid;
        }

        if (Request(context.Request.Query, out var bad) is not { } request)
        {
            return TileProblems.BadRequest(bad.Parameter, bad.Detail);
        }

        var cancellationToken = context.RequestAborted;
        List<List<List<(double Lon, double Lat)>>>? area;
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, new JsonDocumentOptions { MaxDepth = 16 }, cancellationToken).ConfigureAwait(false);
            area = AreaGeometry.Parse(document.RootElement, out var error);
            if (area is null)
            {
                return TileProblems.BadRequest("area", $"area: {error}");
            }
        }
        catch (JsonException ex)
        {
            return TileProblems.BadRequest("area", $"area: the body is not JSON ({ex.Message})");
        }

        var set = await items.GetAsync(collection, item, cancellationToken).ConfigureAwait(false);
        return set is null
            ? TileProblems.NotFound($"No item '{item}' is published in collection '{collection}'.")
            : await statistics.ComputeAsync(set, area, request, cancellationToken).ConfigureAwait(false);
    }

    private static StatisticsRequest? Request(IQueryCollection query, out (string Parameter, string Detail) error)
    {
        error = default;
        foreach (var name in query.Keys)
        {
            if (name is not ("bands" or "expression" or "percentiles" or "histogram_bins" or "histogram_range"))
            {
                error = (name, $"'{TileProblems.Clip(name)}' is not a statistics parameter: use bands, expression, percentiles, histogram_bins, histogram_range");
                return null;
            }

            if (query[name].Count != 1)
            {
                error = (name, $"{name} is given {query[name].Count} times; give it once");
                return null;
            }
        }

        int[]? bands = null;
        if (query.TryGetValue("bands", out var bandText))
        {
            var parts = bandText.ToString().Split(',');
            bands = new int[parts.Length];
            if (parts.Length > 64 || parts.Where((p, i) => !int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out bands[i]) || bands[i] is < 1 or > 999).Any())
            {
                error = ("bands", $"bands '{TileProblems.Clip(bandText.ToString())}' is not a list of band numbers (1-based)");
                return null;
            }
        }

        BandExpression? expression = null;
        if (query.TryGetValue("expression", out var expressionText))
        {
            if (bands is not null)
            {
                error = ("expression", "give bands= or expression=, not both");
                return null;
            }

            try
            {
                expression = BandExpression.Parse(expressionText.ToString());
            }
            catch (InvalidExpressionException ex)
            {
                error = ("expression", $"expression: {ex.Message}");
                return null;
            }
        }

        double[] percentiles = [2, 50, 98];
        if (query.TryGetValue("percentiles", out var percentileText))
        {
            var parts = percentileText.ToString().Split(',');
            percentiles = new double[parts.Length];
            if (parts.Length > MaxPercentiles
                || parts.Where((p, i) => !double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out percentiles[i]) || !(percentiles[i] is >= 0 and <= 100)).Any())
            {
                error = ("percentiles", $"percentiles '{TileProblems.Clip(percentileText.ToString())}' is not a list of at most {MaxPercentiles} numbers from 0 to 100");
                return null;
            }
        }

        var bins = 10;
        if (query.TryGetValue("histogram_bins", out var binText)
            && (!int.TryParse(binText, NumberStyles.None, CultureInfo.InvariantCulture, out bins) || bins is < 1 or > MaxBins))
        {
            error = ("histogram_bins", $"histogram_bins '{TileProblems.Clip(binText.ToString())}' is not a whole number from 1 to {MaxBins}");
            return null;
        }

        (double, double)? range = null;
        if (query.TryGetValue("histogram_range", out var rangeText))
        {
            var parts = rangeText.ToString().Split(',');
            if (parts.Length != 2
                || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var min)
                || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var max)
                || !double.IsFinite(min) || !double.IsFinite(max) || !(max > min))
            {
                error = ("histogram_range", $"histogram_range '{TileProblems.Clip(rangeText.ToString())}' is not two numbers 'min,max' with max > min");
                return null;
            }

            range = (min, max);
        }

        return new StatisticsRequest(bands, expression, percentiles, bins, range);
    }
}
