using System.Text.Json;

namespace EarthData.Core.Stac;

/// <summary>
/// Writes and reads <see cref="RasterBandStatistics"/> as fields of a band object of an asset's <c>bands</c> (STAC 1.1
/// common metadata with the raster extension v2.0.0, which moved v1.1.0's <c>raster:bands</c> there):
/// <c>statistics</c> {<c>minimum</c>, <c>maximum</c>, <c>mean</c>, <c>stddev</c>, <c>valid_percent</c>},
/// <c>raster:histogram</c> {<c>count</c>, <c>min</c>, <c>max</c>, <c>buckets</c>} and <c>earthdata:stretch</c>
/// {<c>low_percent</c>, <c>high_percent</c>, <c>low</c>, <c>high</c>}. Thread-safe.
/// </summary>
public static class RasterBandFields
{
    /// <summary>The band field holding the stretch cut (no extension defines one).</summary>
    public const string StretchField = "earthdata:stretch";

    /// <summary>The raster extension's histogram field of a band.</summary>
    public const string HistogramField = "raster:histogram";

    /// <summary>The common-metadata statistics field of a band.</summary>
    public const string StatisticsField = "statistics";

    /// <summary>Adds the fields of <paramref name="statistics"/> to a band object being built.</summary>
    public static void Add(IDictionary<string, object> band, RasterBandStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(band);
        ArgumentNullException.ThrowIfNull(statistics);
        band[StatisticsField] = new Dictionary<string, double>
        {
            ["minimum"] = statistics.Minimum,
            ["maximum"] = statistics.Maximum,
            ["mean"] = statistics.Mean,
            ["stddev"] = statistics.StdDev,
            ["valid_percent"] = statistics.ValidPercent,
        };
        if (statistics.Histogram is { } histogram)
        {
            band[HistogramField] = new Dictionary<string, object>
            {
                ["count"] = histogram.Count,
                ["min"] = histogram.Min,
                ["max"] = histogram.Max,
                ["buckets"] = histogram.Buckets,
            };
        }

        if (statistics.Stretch is { } cut)
        {
            band[StretchField] = new Dictionary<string, double>
            {
                ["low_percent"] = cut.LowPercent,
                ["high_percent"] = cut.HighPercent,
                ["low"] = cut.Low,
                ["high"] = cut.High,
            };
        }
    }

    /// <summary>
    /// The statistics of each band of <paramref name="asset"/> in band order (its <c>bands</c>, else a raster v1
    /// <c>raster:bands</c>): null for a band without complete, numeric statistics; empty when the asset lists no bands.
    /// </summary>
    public static IReadOnlyList<RasterBandStatistics?> Read(StacAsset asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        if (asset.Fields is not { } fields
            || !(fields.TryGetValue("bands", out var bands) || fields.TryGetValue("raster:bands", out bands))
            || bands.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var result = new List<RasterBandStatistics?>();
        foreach (var band in bands.EnumerateArray())
        {
            result.Add(band.ValueKind == JsonValueKind.Object ? ReadBand(band) : null);
        }

        return result;
    }

    private static RasterBandStatistics? ReadBand(JsonElement band)
    {
        if (!band.TryGetProperty(StatisticsField, out var s) || s.ValueKind != JsonValueKind.Object
            || Number(s, "minimum") is not { } minimum || Number(s, "maximum") is not { } maximum
            || Number(s, "mean") is not { } mean || Number(s, "stddev") is not { } stddev)
        {
            return null;
        }

        return new RasterBandStatistics
        {
            Minimum = minimum,
            Maximum = maximum,
            Mean = mean,
            StdDev = stddev,
            ValidPercent = Number(s, "valid_percent") ?? 100,
            Histogram = band.TryGetProperty(HistogramField, out var h) ? ReadHistogram(h) : null,
            Stretch = band.TryGetProperty(StretchField, out var c) ? ReadStretch(c) : null,
        };
    }

    private static BandHistogram? ReadHistogram(JsonElement h)
    {
        if (h.ValueKind != JsonValueKind.Object || Number(h, "min") is not { } min || Number(h, "max") is not { } max
            || !h.TryGetProperty("buckets", out var buckets) || buckets.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var counts = new List<long>(buckets.GetArrayLength());
        foreach (var bucket in buckets.EnumerateArray())
        {
            if (bucket.ValueKind != JsonValueKind.Number || !bucket.TryGetInt64(out var count))
            {
                return null;
            }

            counts.Add(count);
        }

        return new BandHistogram(min, max, counts);
    }

    private static StretchCut? ReadStretch(JsonElement c) =>
        c.ValueKind == JsonValueKind.Object
        && Number(c, "low_percent") is { } lowPercent && Number(c, "high_percent") is { } highPercent
        && Number(c, "low") is { } low && Number(c, "high") is { } high && high > low
            ? new StretchCut(lowPercent, highPercent, low, high)
            : null;

    private static double? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number)
            && double.IsFinite(number)
            ? number
            : null;
}
