using System.Buffers.Binary;
using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace EarthData.Imaging.Rendering;

/// <summary>
/// A colour ramp for single-band index layers: values in [<see cref="Min"/>, <see cref="Max"/>] are quantised to
/// 256 levels and looked up in a precomputed RGBA table; values outside clamp to the ends; NaN (and an optional
/// nodata value) become fully transparent (0,0,0,0).
/// </summary>
/// <remarks>
/// Continuous maps interpolate linearly (per channel, in sRGB) between stops; class maps (<see cref="IsClassMap"/>)
/// give each value the colour of the last stop at or below it. Immutable and thread-safe.
/// </remarks>
public sealed class ColorMap
{
    private const int Levels = 256;

    private static readonly FrozenDictionary<string, ColorMap> Named = new Dictionary<string, ColorMap>(StringComparer.OrdinalIgnoreCase)
    {
        ["ndvi"] = new("ndvi", -1.0, 1.0,
        [
            new(-1.0, 120, 70, 20), new(0.0, 205, 170, 125), new(0.2, 250, 230, 90),
            new(0.5, 120, 190, 60), new(1.0, 0, 100, 0),
        ]),
        ["water"] = new("water", 0.0, 1.0, [new(0.0, 255, 255, 255), new(0.5, 107, 174, 214), new(1.0, 8, 48, 107)]),
        ["hazard"] = new("hazard", 0.0, 4.0,
        [
            new(0, 26, 152, 80), new(1, 255, 221, 0), new(2, 253, 141, 60), new(3, 215, 25, 28), new(4, 122, 1, 119),
        ], isClassMap: true),
        ["greys"] = new("greys", 0.0, 1.0, [new(0.0, 0, 0, 0), new(1.0, 255, 255, 255)]),
        ["viridis"] = new("viridis", 0.0, 1.0,
        [
            new(0.0, 68, 1, 84), new(0.125, 71, 44, 122), new(0.25, 59, 81, 139), new(0.375, 44, 113, 142), new(0.5, 33, 144, 141),
            new(0.625, 39, 173, 129), new(0.75, 92, 200, 99), new(0.875, 170, 220, 50), new(1.0, 253, 231, 37),
        ]),
        ["rdylgn"] = new("rdylgn", 0.0, 1.0,
        [
            new(0.0, 165, 0, 38), new(0.1, 215, 48, 39), new(0.2, 244, 109, 67), new(0.3, 253, 174, 97), new(0.4, 254, 224, 139),
            new(0.5, 255, 255, 191), new(0.6, 217, 239, 139), new(0.7, 166, 217, 106), new(0.8, 102, 189, 99), new(0.9, 26, 152, 80),
            new(1.0, 0, 104, 55),
        ]),
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private readonly uint[] _table = new uint[Levels];
    private readonly ColorStop[] _stops;
    private readonly float _min;
    private readonly float _scale;

    /// <summary>Creates a colour map.</summary>
    /// <param name="name">Name used in layer definitions and URLs.</param>
    /// <param name="min">Value mapped to the first table entry.</param>
    /// <param name="max">Value mapped to the last table entry, &gt; <paramref name="min"/>.</param>
    /// <param name="stops">At least one stop (two for a continuous map), values strictly increasing.</param>
    /// <param name="isClassMap">True for discrete classes (step function) instead of a gradient.</param>
    public ColorMap(string name, double min, double max, IReadOnlyList<ColorStop> stops, bool isClassMap = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(stops);
        if (!double.IsFinite(min) || !double.IsFinite(max) || !(max > min))
        {
            throw new ArgumentOutOfRangeException(nameof(max), $"Colour map range must be finite with max > min, got [{min}, {max}].");
        }

        if (stops.Count < (isClassMap ? 1 : 2))
        {
            throw new ArgumentException($"Colour map '{name}' needs at least {(isClassMap ? 1 : 2)} stops.", nameof(stops));
        }

        for (var s = 1; s < stops.Count; s++)
        {
            if (!(stops[s].Value > stops[s - 1].Value))
            {
                throw new ArgumentException($"Colour map '{name}': stop values must increase strictly (stop {s}).", nameof(stops));
            }
        }

        Name = name;
        _stops = [.. stops];
        Min = min;
        Max = max;
        IsClassMap = isClassMap;
        _min = (float)min;
        _scale = (float)((Levels - 1) / (max - min));
        var step = (max - min) / (Levels - 1);
        for (var i = 0; i < Levels; i++)
        {
            var value = min + (i * step);
            var c = isClassMap ? ClassAt(stops, value + (step / 2)) : Interpolate(stops, value);
            _table[i] = Pack(c.R, c.G, c.B, c.A);
        }
    }

    /// <summary>The built-in ramps: <c>ndvi</c> (−1…1, brown → yellow → green), <c>water</c> (0…1, white → blue),
    /// <c>hazard</c> (classes 0–4: green, yellow, orange, red, purple), <c>greys</c>, <c>viridis</c> and <c>rdylgn</c>
    /// (ColorBrewer red–yellow–green) (0…1).</summary>
    public static IEnumerable<string> Names => Named.Keys;

    /// <summary>The ramp's name.</summary>
    public string Name { get; }

    /// <summary>Value at the first table entry.</summary>
    public double Min { get; }

    /// <summary>Value at the last table entry.</summary>
    public double Max { get; }

    /// <summary>True for a class (step) map.</summary>
    public bool IsClassMap { get; }

    /// <summary>The stops the map was made of, values ascending (in the map's own range).</summary>
    public IReadOnlyList<ColorStop> Stops => _stops;

    /// <summary>Finds a built-in ramp by name (case-insensitive).</summary>
    /// <param name="name">Ramp name.</param>
    /// <param name="map">The ramp when found.</param>
    /// <returns>True when the name is known.</returns>
    public static bool TryGet(string name, [NotNullWhen(true)] out ColorMap? map) => Named.TryGetValue(name, out map);

    /// <summary>Gets a built-in ramp by name (case-insensitive).</summary>
    /// <param name="name">Ramp name.</param>
    /// <returns>The ramp.</returns>
    /// <exception cref="ArgumentException">The name is unknown; the message lists the known ones.</exception>
    public static ColorMap Get(string name) => TryGet(name, out var map)
        ? map
        : throw new ArgumentException($"Unknown colour map '{name}'; known: {string.Join(", ", Named.Keys.Order(StringComparer.Ordinal))}.", nameof(name));

    /// <summary>The colour for one value.</summary>
    /// <param name="value">Data value.</param>
    /// <returns>RGBA; (0,0,0,0) for NaN.</returns>
    public (byte R, byte G, byte B, byte A) Lookup(float value)
    {
        if (float.IsNaN(value))
        {
            return default;
        }

        var p = _table[Index(value)];
        if (!BitConverter.IsLittleEndian)
        {
            p = BinaryPrimitives.ReverseEndianness(p);
        }

        return ((byte)p, (byte)(p >> 8), (byte)(p >> 16), (byte)(p >> 24));
    }

    /// <summary>Colours values into RGBA pixels; NaN becomes transparent.</summary>
    /// <param name="values">Index values.</param>
    /// <param name="rgba">Output, exactly 4 × the value count.</param>
    public void Apply(ReadOnlySpan<float> values, Span<byte> rgba) => Apply(values, float.NaN, rgba);

    /// <summary>Colours values into RGBA pixels; NaN and <paramref name="nodata"/> become transparent.</summary>
    /// <param name="values">Index values.</param>
    /// <param name="nodata">Value treated as missing (NaN for none besides NaN).</param>
    /// <param name="rgba">Output, exactly 4 × the value count.</param>
    public void Apply(ReadOnlySpan<float> values, float nodata, Span<byte> rgba)
    {
        if (rgba.Length != values.Length * 4)
        {
            throw new ArgumentException($"RGBA output must hold {values.Length * 4} bytes, got {rgba.Length}.", nameof(rgba));
        }

        var pixels = MemoryMarshal.Cast<byte, uint>(rgba);
        var table = _table;
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            pixels[i] = float.IsNaN(v) || v == nodata ? 0u : table[Index(v)];
        }
    }

    private int Index(float value)
    {
        var x = (value - _min) * _scale;
        return x <= 0f ? 0 : x >= Levels - 1 ? Levels - 1 : (int)(x + 0.5f);
    }

    private static ColorStop ClassAt(IReadOnlyList<ColorStop> stops, double value)
    {
        var chosen = stops[0];
        for (var s = 1; s < stops.Count && stops[s].Value <= value; s++)
        {
            chosen = stops[s];
        }

        return chosen;
    }

    private static ColorStop Interpolate(IReadOnlyList<ColorStop> stops, double value)
    {
        if (value <= stops[0].Value)
        {
            return stops[0];
        }

        for (var s = 1; s < stops.Count; s++)
        {
            var hi = stops[s];
            if (value <= hi.Value)
            {
                var lo = stops[s - 1];
                var t = (value - lo.Value) / (hi.Value - lo.Value);
                return new ColorStop(value, Lerp(lo.R, hi.R, t), Lerp(lo.G, hi.G, t), Lerp(lo.B, hi.B, t), Lerp(lo.A, hi.A, t));
            }
        }

        return stops[^1];
    }

    private static byte Lerp(byte a, byte b, double t) => (byte)Math.Round(a + ((b - a) * t));

    private static uint Pack(byte r, byte g, byte b, byte a)
    {
        var p = r | ((uint)g << 8) | ((uint)b << 16) | ((uint)a << 24);
        return BitConverter.IsLittleEndian ? p : BinaryPrimitives.ReverseEndianness(p);
    }
}
