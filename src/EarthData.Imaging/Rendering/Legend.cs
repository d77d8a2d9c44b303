using System.Globalization;

namespace EarthData.Imaging.Rendering;

/// <summary>
/// What a rendered layer's colours mean: the stops of a colour ramp in data values, the classes of a class map (or of
/// a value classified by limits), or the stretch of each band of a composite; and a small image of it
/// (<see cref="Draw"/>). Built from the same colour map, range and limits the tiles are drawn with, so the colours are
/// the ones on the map. Immutable.
/// </summary>
public sealed class Legend
{
    /// <summary>Width of a ramp image in pixels (one per colour-table level).</summary>
    public const int RampWidth = 256;

    /// <summary>Height of one ramp or swatch row in pixels.</summary>
    public const int RowHeight = 16;

    /// <summary>Width of one class swatch in pixels.</summary>
    public const int SwatchWidth = 32;

    private readonly uint[] _ramp;

    private Legend(LegendKind kind, string name, double min, double max, IReadOnlyList<LegendEntry> entries, uint[] ramp)
    {
        Kind = kind;
        Name = name;
        Min = min;
        Max = max;
        Entries = entries;
        _ramp = ramp;
    }

    /// <summary>How the legend reads.</summary>
    public LegendKind Kind { get; }

    /// <summary>The colour map's name (<c>custom</c> for a JSON map), or <c>rgb</c> / <c>grey</c> for a composite.</summary>
    public string Name { get; }

    /// <summary>The smallest data value the legend names.</summary>
    public double Min { get; }

    /// <summary>The largest data value the legend names.</summary>
    public double Max { get; }

    /// <summary>The stops, classes or channels, in order.</summary>
    public IReadOnlyList<LegendEntry> Entries { get; }

    /// <summary>
    /// The legend of values drawn with <paramref name="map"/>: <paramref name="range"/> is spread over the map's own
    /// range (null: values as they are); with <paramref name="classBreaks"/> a value first becomes the number of limits
    /// at or below it, and that class number is coloured.
    /// </summary>
    public static Legend Of(ColorMap map, (double Min, double Max)? range = null, IReadOnlyList<double>? classBreaks = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        if (classBreaks is { Count: > 0 } breaks)
        {
            var classes = new LegendEntry[breaks.Count + 1];
            for (var k = 0; k <= breaks.Count; k++)
            {
                double? from = k == 0 ? null : breaks[k - 1];
                double? to = k == breaks.Count ? null : breaks[k];
                classes[k] = Entry(ClassLabel(from, to), null, from, to, map.Lookup(k));
            }

            return new Legend(LegendKind.Classes, map.Name, breaks[0], breaks[^1], classes, []);
        }

        var (min, max) = range ?? (map.Min, map.Max);
        double ToData(double v) => min + ((v - map.Min) * (max - min) / (map.Max - map.Min));
        var stops = map.Stops;
        var entries = new LegendEntry[stops.Count];
        for (var s = 0; s < stops.Count; s++)
        {
            var value = ToData(stops[s].Value);
            if (map.IsClassMap)
            {
                double? to = s + 1 < stops.Count ? ToData(stops[s + 1].Value) : null;
                entries[s] = Entry(ClassLabel(value, to), null, value, to, map.Lookup((float)stops[s].Value));
            }
            else
            {
                entries[s] = Entry(Number(value), value, null, null, map.Lookup((float)stops[s].Value));
            }
        }

        if (map.IsClassMap)
        {
            return new Legend(LegendKind.Classes, map.Name, ToData(stops[0].Value), ToData(stops[^1].Value), entries, []);
        }

        var ramp = new uint[RampWidth];
        for (var i = 0; i < RampWidth; i++)
        {
            ramp[i] = Pack(map.Lookup((float)(map.Min + (i * (map.Max - map.Min) / (RampWidth - 1)))));
        }

        return new Legend(LegendKind.Gradient, map.Name, min, max, entries, ramp);
    }

    /// <summary>
    /// The legend of a composite: per channel (one grey, or red, green, blue) the label of its band and the value range
    /// stretched to 0–255.
    /// </summary>
    public static Legend Composite(IReadOnlyList<(string Band, LinearStretch Stretch)> channels)
    {
        ArgumentNullException.ThrowIfNull(channels);
        if (channels.Count is not (1 or 3))
        {
            throw new ArgumentException($"A composite has 1 or 3 channels, not {channels.Count}.", nameof(channels));
        }

        string[] names = channels.Count == 1 ? ["grey"] : ["red", "green", "blue"];
        var entries = new LegendEntry[channels.Count];
        for (var c = 0; c < channels.Count; c++)
        {
            var (band, stretch) = channels[c];
            (byte R, byte G, byte B, byte A) colour = names[c] switch
            {
                "red" => (255, 0, 0, 255),
                "green" => (0, 255, 0, 255),
                "blue" => (0, 0, 255, 255),
                _ => (255, 255, 255, 255),
            };
            entries[c] = Entry($"{names[c]}: {band} {Number(stretch.Low)} – {Number(stretch.High)}", null, stretch.Low, stretch.High, colour);
        }

        return new Legend(
            LegendKind.Composite, channels.Count == 1 ? "grey" : "rgb",
            channels.Min(c => c.Stretch.Low), channels.Max(c => c.Stretch.High), entries, []);
    }

    /// <summary>
    /// Draws the legend as straight-alpha RGBA: a gradient is a <see cref="RampWidth"/> × <see cref="RowHeight"/> ramp
    /// from <see cref="Min"/> (left) to <see cref="Max"/>; classes are <see cref="SwatchWidth"/>-wide swatches side by
    /// side; a composite is one ramp from black to the channel's colour per channel, stacked.
    /// </summary>
    public byte[] Draw(out int width, out int height)
    {
        switch (Kind)
        {
            case LegendKind.Gradient:
                (width, height) = (RampWidth, RowHeight);
                return Rows(width, height, (x, _) => _ramp[x]);
            case LegendKind.Classes:
                (width, height) = (SwatchWidth * Entries.Count, RowHeight);
                return Rows(width, height, (x, _) => Pack(Entries[x / SwatchWidth]));
            default:
                (width, height) = (RampWidth, RowHeight * Entries.Count);
                return Rows(width, height, (x, y) =>
                {
                    var e = Entries[y / RowHeight];
                    return Pack(((byte)(e.R * x / 255), (byte)(e.G * x / 255), (byte)(e.B * x / 255), (byte)255));
                });
        }
    }

    private static byte[] Rows(int width, int height, Func<int, int, uint> pixel)
    {
        var rgba = new byte[width * height * 4];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var p = pixel(x, y);
                var i = ((y * width) + x) * 4;
                rgba[i] = (byte)p;
                rgba[i + 1] = (byte)(p >> 8);
                rgba[i + 2] = (byte)(p >> 16);
                rgba[i + 3] = (byte)(p >> 24);
            }
        }

        return rgba;
    }

    private static LegendEntry Entry(string label, double? value, double? from, double? to, (byte R, byte G, byte B, byte A) c) =>
        new(label, value, from, to, c.R, c.G, c.B, c.A);

    private static string ClassLabel(double? from, double? to) => (from, to) switch
    {
        (null, { } t) => $"< {Number(t)}",
        ({ } f, null) => $"≥ {Number(f)}",
        ({ } f, { } t) => $"{Number(f)} – {Number(t)}",
        _ => "all",
    };

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static uint Pack((byte R, byte G, byte B, byte A) c) => c.R | ((uint)c.G << 8) | ((uint)c.B << 16) | ((uint)c.A << 24);

    private static uint Pack(LegendEntry e) => Pack((e.R, e.G, e.B, e.A));
}
