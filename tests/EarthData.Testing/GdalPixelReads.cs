using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace EarthData.Testing;

/// <summary>
/// Counts, while alive, the pixels read through the EarthData GDAL binding from one dataset path, by level
/// (<c>full</c>, <c>reduced</c>, <c>derived</c>: the <c>EarthData.Gdal</c> meter's <c>earthdata.gdal.pixels_read</c>).
/// Reads of other paths (parallel tests) are ignored.
/// </summary>
public sealed class GdalPixelReads : IDisposable
{
    /// <summary>The binding's meter (<c>GdalReadMetrics.MeterName</c>).</summary>
    public const string MeterName = "EarthData.Gdal";

    /// <summary>The binding's counter (<c>GdalReadMetrics.PixelsReadName</c>).</summary>
    public const string InstrumentName = "earthdata.gdal.pixels_read";

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _byLevel = new(StringComparer.Ordinal);

    /// <summary>Starts counting reads of <paramref name="path"/> (exactly as the dataset was opened).</summary>
    public GdalPixelReads(string path)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MeterName && instrument.Name == InstrumentName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            string? tagPath = null, level = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "gdal.path")
                {
                    tagPath = tag.Value as string;
                }
                else if (tag.Key == "gdal.level")
                {
                    level = tag.Value as string;
                }
            }

            if (tagPath == path && level is not null)
            {
                _byLevel.AddOrUpdate(level, value, (_, total) => total + value);
            }
        });
        _listener.Start();
    }

    /// <summary>Pixels read at full resolution (buffer = window) from raster bands.</summary>
    public long Full => _byLevel.GetValueOrDefault("full");

    /// <summary>Pixels read into buffers smaller than their window.</summary>
    public long Reduced => _byLevel.GetValueOrDefault("reduced");

    /// <summary>Pixels read from overview and mask bands.</summary>
    public long Derived => _byLevel.GetValueOrDefault("derived");

    /// <inheritdoc/>
    public void Dispose() => _listener.Dispose();
}
