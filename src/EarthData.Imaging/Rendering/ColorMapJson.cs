using System.Globalization;
using System.Text.Json;

namespace EarthData.Imaging.Rendering;

/// <summary>
/// Reads a colour map given as JSON (as TiTiler users write them): an object from values to colours,
/// <c>{"0": "#1a9850", "0.5": [255, 255, 191], "1": "#a50026ff"}</c>, colours as <c>#rrggbb[aa]</c> or
/// <c>[r, g, b(, a)]</c>. Two or more entries make a gradient between them; with <c>"type": "classes"</c> beside
/// <c>"colors"</c> each value takes the colour of the last entry at or below it.
/// </summary>
public static class ColorMapJson
{
    /// <summary>The longest JSON text accepted.</summary>
    public const int MaxLength = 8192;

    /// <summary>The most entries accepted.</summary>
    public const int MaxEntries = 256;

    /// <summary>Parses a JSON colour map.</summary>
    /// <exception cref="FormatException">It is not JSON of that shape; the message says what is wrong.</exception>
    public static ColorMap Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length > MaxLength)
        {
            throw new FormatException($"a JSON colour map is at most {MaxLength} characters long");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 4 });
        }
        catch (JsonException ex)
        {
            throw new FormatException($"the colour map is not valid JSON ({ex.Message})", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            var classes = false;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("colors", out var colors))
            {
                classes = root.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "classes";
                root = colors;
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("a JSON colour map is an object from values to colours, e.g. {\"0\": \"#000000\", \"1\": \"#ffffff\"}");
            }

            var stops = new List<ColorStop>();
            foreach (var entry in root.EnumerateObject())
            {
                if (stops.Count == MaxEntries)
                {
                    throw new FormatException($"a JSON colour map has at most {MaxEntries} entries");
                }

                if (!double.TryParse(entry.Name, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
                {
                    throw new FormatException($"colour map key '{entry.Name}' is not a number");
                }

                var (r, g, b, a) = Colour(entry.Name, entry.Value);
                stops.Add(new ColorStop(value, r, g, b, a));
            }

            stops.Sort((x, y) => x.Value.CompareTo(y.Value));
            if (stops.Count < (classes ? 1 : 2))
            {
                throw new FormatException(classes ? "a class colour map needs at least one entry" : "a gradient colour map needs at least two entries");
            }

            for (var i = 1; i < stops.Count; i++)
            {
                if (stops[i].Value == stops[i - 1].Value)
                {
                    throw new FormatException($"colour map value {stops[i].Value.ToString(CultureInfo.InvariantCulture)} appears twice");
                }
            }

            var min = stops[0].Value;
            var max = stops.Count > 1 ? stops[^1].Value : min + 1;
            return new ColorMap("custom", min, max, stops, classes);
        }
    }

    private static (byte R, byte G, byte B, byte A) Colour(string key, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString()!;
            if (text.Length is 7 or 9 && text[0] == '#'
                && uint.TryParse(text.AsSpan(1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex))
            {
                return text.Length == 7
                    ? ((byte)(hex >> 16), (byte)(hex >> 8), (byte)hex, (byte)255)
                    : ((byte)(hex >> 24), (byte)(hex >> 16), (byte)(hex >> 8), (byte)hex);
            }
        }
        else if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() is 3 or 4)
        {
            var parts = new byte[] { 0, 0, 0, 255 };
            var i = 0;
            foreach (var component in value.EnumerateArray())
            {
                if (component.ValueKind != JsonValueKind.Number || !component.TryGetInt32(out var c) || c is < 0 or > 255)
                {
                    throw new FormatException($"colour of '{key}': components are integers from 0 to 255");
                }

                parts[i++] = (byte)c;
            }

            return (parts[0], parts[1], parts[2], parts[3]);
        }

        throw new FormatException($"colour of '{key}' is neither \"#rrggbb[aa]\" nor [r, g, b(, a)]");
    }
}
