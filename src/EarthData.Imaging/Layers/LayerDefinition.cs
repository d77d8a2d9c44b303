using System.Globalization;
using EarthData.Imaging.Rendering;

namespace EarthData.Imaging.Layers;

/// <summary>
/// How to render a raster into RGBA tiles: which bands (always chosen explicitly, never "whatever the first bands are"
/// except for <see cref="LayerKind.Raw"/>), the percentile contrast stretch and an optional gamma.
/// </summary>
/// <remarks>Immutable; parse the CLI form with <see cref="Parse"/> (<c>raw</c>, <c>true-color</c>, <c>false-color</c>, <c>band:N</c>).</remarks>
public sealed record LayerDefinition
{
    /// <summary>The kind of layer.</summary>
    public LayerKind Kind { get; init; } = LayerKind.TrueColor;

    /// <summary>1-based band number for <see cref="LayerKind.Band"/>; ignored otherwise.</summary>
    public int BandNumber { get; init; }

    /// <summary>Lower percentile of the contrast stretch (default 2 %).</summary>
    public double LowPercent { get; init; } = PercentileStretch.DefaultLowPercent;

    /// <summary>Upper percentile of the contrast stretch (default 98 %).</summary>
    public double HighPercent { get; init; } = PercentileStretch.DefaultHighPercent;

    /// <summary>Gamma applied after the linear stretch (1 = none).</summary>
    public double Gamma { get; init; } = 1.0;

    /// <summary>When true all bands share one stretch (min of lows, max of highs), keeping colour balance; else per band.</summary>
    public bool LinkedStretch { get; init; }

    /// <summary>The layer's name as used in tile keys: <c>raw</c>, <c>true-color</c>, <c>false-color</c>, <c>band-N</c>.</summary>
    public string Name => Kind switch
    {
        LayerKind.Raw => "raw",
        LayerKind.TrueColor => "true-color",
        LayerKind.FalseColor => "false-color",
        _ => string.Create(CultureInfo.InvariantCulture, $"band-{BandNumber}"),
    };

    /// <summary>The raw layer.</summary>
    public static LayerDefinition Raw { get; } = new() { Kind = LayerKind.Raw };

    /// <summary>The true-colour layer with the default 2–98 % stretch.</summary>
    public static LayerDefinition TrueColor { get; } = new() { Kind = LayerKind.TrueColor };

    /// <summary>The false-colour (NIR, red, green) layer with the default stretch.</summary>
    public static LayerDefinition FalseColor { get; } = new() { Kind = LayerKind.FalseColor };

    /// <summary>Parses <c>raw</c>, <c>true-color</c>, <c>false-color</c> or <c>band:N</c> (N ≥ 1), case-insensitive.</summary>
    /// <exception cref="FormatException">The text is none of those.</exception>
    public static LayerDefinition Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim().ToUpperInvariant();
        switch (t)
        {
            case "RAW":
                return Raw;
            case "TRUE-COLOR" or "TRUE-COLOUR" or "TRUECOLOR":
                return TrueColor;
            case "FALSE-COLOR" or "FALSE-COLOUR" or "FALSECOLOR":
                return FalseColor;
        }

        if (t.StartsWith("BAND:", StringComparison.Ordinal)
            && int.TryParse(t.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var band) && band >= 1)
        {
            return new LayerDefinition { Kind = LayerKind.Band, BandNumber = band };
        }

        throw new FormatException($"'{text}' is not a layer: use raw, true-color, false-color or band:N");
    }

    /// <summary>Checks the stretch settings.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Percentiles not 0 ≤ low &lt; high ≤ 100, or gamma not positive.</exception>
    public void Validate()
    {
        if (!(LowPercent >= 0 && LowPercent < HighPercent && HighPercent <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(LowPercent), $"Stretch percentiles must satisfy 0 ≤ low < high ≤ 100, got {LowPercent}–{HighPercent}.");
        }

        if (!(Gamma > 0 && double.IsFinite(Gamma)))
        {
            throw new ArgumentOutOfRangeException(nameof(Gamma), Gamma, "Gamma must be a positive number.");
        }

        if (Kind == LayerKind.Band && BandNumber < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(BandNumber), BandNumber, "Band numbers start at 1.");
        }
    }
}
