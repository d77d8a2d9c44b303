using System.Globalization;
using EarthData.Gdal;
using EarthData.Imaging.Expressions;
using EarthData.Imaging.Rendering;

namespace EarthData.Server.Tiles;

/// <summary>
/// The rendering parameters of a dynamic tile request: <c>bands=</c>, <c>expression=</c>, <c>rescale=</c> (repeatable,
/// one per channel), <c>colormap=</c> (a name or JSON), <c>resampling=</c> and <c>format=</c>; parsed and bounded here,
/// so nothing unvalidated reaches GDAL.
/// </summary>
internal sealed record DynamicTileParameters
{
    /// <summary>The query parameters this type reads; any of them makes a request dynamic.</summary>
    public static readonly string[] Names = ["bands", "expression", "rescale", "colormap", "resampling", "format"];

    private const int MaxBands = 3;

    public IReadOnlyList<int>? Bands { get; init; }

    public BandExpression? Expression { get; init; }

    public IReadOnlyList<(double Min, double Max)>? Rescale { get; init; }

    public ColorMap? ColorMap { get; init; }

    /// <summary>The colour map as given (name or JSON), for <see cref="CacheKey"/>.</summary>
    public string? ColorMapText { get; init; }

    public ResampleAlgorithm? Resampling { get; init; }

    public TileImageFormat? Format { get; init; }

    /// <summary>Whether no rendering parameter was given.</summary>
    public bool IsEmpty => Bands is null && Expression is null && Rescale is null && ColorMap is null && Resampling is null && Format is null;

    /// <summary>A canonical text of the parameters, for caches.</summary>
    public string CacheKey => string.Join('|',
        Bands is null ? "-" : string.Join(',', Bands),
        Expression?.Text ?? "-",
        Rescale is null ? "-" : string.Join(';', Rescale.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Min},{r.Max}"))),
        ColorMapText ?? "-",
        Resampling?.ToString() ?? "-");

    /// <summary>Parses the query; <paramref name="error"/> names the parameter and the problem when it returns null.</summary>
    public static DynamicTileParameters? Parse(IQueryCollection query, out (string Parameter, string Detail) error)
    {
        error = default;
        try
        {
            return new DynamicTileParameters
            {
                Bands = Single(query, "bands") is { } bands ? ParseBands(bands) : null,
                Expression = Single(query, "expression") is { } expression ? ParseExpression(expression) : null,
                Rescale = query.TryGetValue("rescale", out var rescale) ? ParseRescale(rescale) : null,
                ColorMap = Single(query, "colormap") is { } colormap ? ParseColorMap(colormap) : null,
                ColorMapText = Single(query, "colormap"),
                Resampling = Single(query, "resampling") is { } resampling ? ParseResampling(resampling) : null,
                Format = Single(query, "format") is { } format
                    ? TileImageFormat.Find(format) ?? throw new ParameterException("format", $"format '{TileProblems.Clip(format)}' is not png, webp or jpeg")
                    : null,
            }.Checked();
        }
        catch (ParameterException ex)
        {
            error = (ex.Parameter, ex.Message);
            return null;
        }
    }

    private DynamicTileParameters Checked()
    {
        if (Bands is not null && Expression is not null)
        {
            throw new ParameterException("expression", "give bands= or expression=, not both");
        }

        return this;
    }

    private static string? Single(IQueryCollection query, string name)
    {
        if (!query.TryGetValue(name, out var values))
        {
            return null;
        }

        if (values.Count != 1)
        {
            throw new ParameterException(name, $"{name} is given {values.Count} times; give it once");
        }

        return values[0] ?? string.Empty;
    }

    private static int[] ParseBands(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length > MaxBands)
        {
            throw new ParameterException("bands", $"bands lists {parts.Length} bands; draw 1 (grey or colour map) or 3 (red, green, blue)");
        }

        var bands = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out bands[i]) || bands[i] is < 1 or > 999)
            {
                throw new ParameterException("bands", $"bands: '{TileProblems.Clip(parts[i])}' is not a band number (1-based)");
            }
        }

        return bands;
    }

    private static BandExpression ParseExpression(string text)
    {
        try
        {
            return BandExpression.Parse(text);
        }
        catch (InvalidExpressionException ex)
        {
            throw new ParameterException("expression", $"expression: {ex.Message}");
        }
    }

    private static (double, double)[] ParseRescale(Microsoft.Extensions.Primitives.StringValues values)
    {
        if (values.Count > MaxBands)
        {
            throw new ParameterException("rescale", $"rescale is given {values.Count} times; at most one range per channel ({MaxBands})");
        }

        var ranges = new (double, double)[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            var text = values[i] ?? string.Empty;
            var parts = text.Split(',', StringSplitOptions.TrimEntries);
            if (parts.Length != 2
                || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var min)
                || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var max)
                || !double.IsFinite(min) || !double.IsFinite(max))
            {
                throw new ParameterException("rescale", $"rescale '{TileProblems.Clip(text)}' is not two numbers 'min,max'");
            }

            if (!(max > min))
            {
                throw new ParameterException("rescale", $"rescale '{TileProblems.Clip(text)}': max must be greater than min");
            }

            ranges[i] = (min, max);
        }

        return ranges;
    }

    private static ColorMap ParseColorMap(string text)
    {
        if (text.TrimStart().StartsWith('{'))
        {
            try
            {
                return ColorMapJson.Parse(text);
            }
            catch (FormatException ex)
            {
                throw new ParameterException("colormap", $"colormap: {ex.Message}");
            }
        }

        return ColorMap.TryGet(text, out var map)
            ? map
            : throw new ParameterException("colormap",
                $"colormap '{TileProblems.Clip(text)}' is unknown; use one of {string.Join(", ", ColorMap.Names.Order(StringComparer.Ordinal))} or a JSON map");
    }

    private static ResampleAlgorithm ParseResampling(string text) => text.ToUpperInvariant() switch
    {
        "NEAREST" or "NEAR" => ResampleAlgorithm.NearestNeighbour,
        "BILINEAR" => ResampleAlgorithm.Bilinear,
        "CUBIC" => ResampleAlgorithm.Cubic,
        "CUBICSPLINE" => ResampleAlgorithm.CubicSpline,
        "LANCZOS" => ResampleAlgorithm.Lanczos,
        "AVERAGE" => ResampleAlgorithm.Average,
        "MODE" => ResampleAlgorithm.Mode,
        _ => throw new ParameterException("resampling", $"resampling '{TileProblems.Clip(text)}' is not one of nearest, bilinear, cubic, cubicspline, lanczos, average, mode"),
    };


    private sealed class ParameterException(string parameter, string message) : Exception(message)
    {
        public string Parameter { get; } = parameter;
    }
}
