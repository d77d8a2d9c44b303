using EarthData.Gdal;
using EarthData.Imaging.Expressions;
using EarthData.Imaging.Rendering;

namespace EarthData.Imaging.Layers;

/// <summary>
/// How <see cref="RecipeRenderer"/> draws a tile: either one or three bands, or a band-math expression; then per
/// output channel a linear stretch to bytes, or (one channel) a colour map, optionally after classifying values by
/// <see cref="ClassBreaks"/>.
/// </summary>
public sealed record TileRecipe
{
    /// <summary>1-based bands drawn as grey (one) or red, green, blue (three); ignored with an <see cref="Expression"/>.</summary>
    public IReadOnlyList<int> Bands { get; init; } = [];

    /// <summary>Band math producing one channel, or null.</summary>
    public BandExpression? Expression { get; init; }

    /// <summary>Per output channel, the value range mapped to 0–255 (without a colour map).</summary>
    public IReadOnlyList<LinearStretch> Stretches { get; init; } = [];

    /// <summary>The colour map of a single channel, or null for grey / RGB.</summary>
    public ColorMap? ColorMap { get; init; }

    /// <summary>The value range spread over the colour map's own range; null uses values as they are.</summary>
    public (double Min, double Max)? ColorRange { get; init; }

    /// <summary>Ascending class limits: a value becomes the number of limits at or below it (0…n), then is coloured.</summary>
    public IReadOnlyList<double>? ClassBreaks { get; init; }

    /// <summary>GDAL resampling when a tile's window and the tile differ in size.</summary>
    public ResampleAlgorithm Resampling { get; init; } = ResampleAlgorithm.Bilinear;

    /// <summary>The number of output channels before colouring: 1 for an expression, else the band count.</summary>
    public int Channels => Expression is null ? Bands.Count : 1;

    /// <summary>
    /// The legend of what the recipe draws: its colour map over its colour range (or classes by its limits), or the
    /// stretch of each band (or of the expression) drawn as grey or red, green, blue.
    /// </summary>
    /// <param name="bandLabel">Names a 1-based band, e.g. <c>band 3 (red)</c>.</param>
    public Legend ToLegend(Func<int, string> bandLabel)
    {
        ArgumentNullException.ThrowIfNull(bandLabel);
        if (ColorMap is { } map)
        {
            return Legend.Of(map, ColorRange, ClassBreaks);
        }

        return Expression is { } expression
            ? Legend.Composite([(expression.Text, Stretches[0])])
            : Legend.Composite([.. Bands.Select((band, c) => (bandLabel(band), Stretches[c]))]);
    }

    /// <summary>Checks that the recipe can be drawn from a raster of <paramref name="bandCount"/> bands.</summary>
    /// <exception cref="ArgumentException">The message names the offending part.</exception>
    public void Validate(int bandCount)
    {
        if (Expression is null)
        {
            if (Bands.Count is not (1 or 3))
            {
                throw new ArgumentException($"bands: draw 1 band (grey or colour map) or 3 (red, green, blue), not {Bands.Count}");
            }

            foreach (var band in Bands)
            {
                if (band < 1 || band > bandCount)
                {
                    throw new ArgumentException($"bands: band {band} does not exist; the raster has bands 1 to {bandCount}");
                }
            }
        }
        else if (Expression.Bands[^1] > bandCount)
        {
            throw new ArgumentException($"expression: b{Expression.Bands[^1]} does not exist; the raster has bands b1 to b{bandCount}");
        }

        if (ColorMap is not null && Channels != 1)
        {
            throw new ArgumentException("colormap: a colour map colours one band or an expression, not three bands");
        }

        if (ColorMap is null && Stretches.Count != Channels)
        {
            throw new ArgumentException($"rescale: {Channels} channel(s) need {Channels} range(s), got {Stretches.Count}");
        }
    }
}
