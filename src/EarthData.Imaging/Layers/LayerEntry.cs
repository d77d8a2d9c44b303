using System.Text;
using EarthData.Core.Stac;
using EarthData.Gdal;
using EarthData.Imaging.Expressions;
using EarthData.Imaging.Rendering;

namespace EarthData.Imaging.Layers;

/// <summary>
/// One named layer of the <see cref="LayerCatalog"/>: its family and what it draws. Index and hazard expressions name
/// bands by common name in braces (<c>({nir}-{red})/({nir}+{red})</c>), resolved per raster with
/// <see cref="BandCommonNames"/>, so one layer works on every CBERS camera.
/// </summary>
/// <param name="Name">The name in tile keys and URLs.</param>
/// <param name="Title">A human title.</param>
/// <param name="Family">The renderer family.</param>
public sealed record LayerEntry(string Name, string Title, LayerFamily Family)
{
    /// <summary>The composite layer (<see cref="LayerFamily.StretchedComposite"/>).</summary>
    public LayerDefinition? Composite { get; init; }

    /// <summary>The index expression over <c>{common-name}</c> bands (other families).</summary>
    public string? Expression { get; init; }

    /// <summary>The colour map name (other families).</summary>
    public string? ColorMapName { get; init; }

    /// <summary>The class limits of a <see cref="LayerFamily.ClassifiedHazard"/> layer, ascending.</summary>
    public IReadOnlyList<double>? ClassBreaks { get; init; }

    /// <summary>
    /// The item asset holding this index on TOA reflectance (a one-band scaled COG on the master's grid), drawn in place
    /// of <see cref="Expression"/> when the item has it; null for composites.
    /// </summary>
    public string? IndexAsset { get; init; }

    /// <summary>
    /// The recipe of this layer on its index COG (<see cref="IndexAsset"/>): band 1 times the band's scale plus its
    /// offset (GDAL's scale/offset, e.g. Int16 × 10 000), coloured like the DN recipe; nodata stays transparent.
    /// </summary>
    /// <exception cref="InvalidOperationException">The layer has no index asset.</exception>
    public TileRecipe IndexRecipe(GdalDataset indexCog, ResampleAlgorithm resampling)
    {
        ArgumentNullException.ThrowIfNull(indexCog);
        if (IndexAsset is null)
        {
            throw new InvalidOperationException($"layer '{Name}' is not drawn from an index asset");
        }

        var band = indexCog.GetBand(1);
        var (scale, offset) = (band.Scale, band.Offset);
        var text = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"b1*{scale:0.################}{(offset < 0 ? "-" : "+")}{Math.Abs(offset):0.################}");
        return new TileRecipe
        {
            Expression = BandExpression.Parse(text, indexCog.BandCount),
            ColorMap = ColorMap.Get(ColorMapName ?? "greys"),
            ClassBreaks = ClassBreaks,
            Resampling = resampling,
        };
    }

    /// <summary>The expression with band numbers for <paramref name="dataset"/> (e.g. <c>(b4-b3)/(b4+b3)</c>), or null for a composite.</summary>
    /// <exception cref="InvalidOperationException">The raster lacks a band the expression names.</exception>
    public string? ResolveExpression(GdalDataset dataset, string? collectionId)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (Expression is null)
        {
            return null;
        }

        var text = new StringBuilder(Expression.Length);
        for (var i = 0; i < Expression.Length; i++)
        {
            if (Expression[i] == '{')
            {
                var end = Expression.IndexOf('}', i);
                text.Append('b').Append(BandCommonNames.Find(dataset, Expression[(i + 1)..end], collectionId));
                i = end;
            }
            else
            {
                text.Append(Expression[i]);
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// The recipe of this layer on <paramref name="dataset"/>: a composite gets its bands and the percentile stretch
    /// <see cref="LayerRenderer"/> takes from the stored statistics (estimating it only without them), so dynamic tiles
    /// match the pre-rendered ones; an index its expression and colour map.
    /// </summary>
    /// <param name="dataset">The raster (the item's COG).</param>
    /// <param name="collectionId">The CBERS collection when known, for band names.</param>
    /// <param name="resampling">How the tile is resampled.</param>
    /// <param name="statistics">The stored statistics of the raster's bands (index = band number − 1), or null.</param>
    /// <exception cref="InvalidOperationException">The raster lacks a band the layer needs.</exception>
    public TileRecipe Recipe(GdalDataset dataset, string? collectionId, ResampleAlgorithm resampling, IReadOnlyList<RasterBandStatistics?>? statistics = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (Composite is { } composite)
        {
            var renderer = LayerRenderer.Create(dataset, composite, collectionId, statistics);
            IReadOnlyList<LinearStretch> stretches = renderer.Stretches.Count > 0
                ? renderer.Stretches
                : [.. renderer.Bands.Select(_ => new LinearStretch(0, 255))];
            return new TileRecipe { Bands = renderer.Bands, Stretches = stretches, Resampling = resampling };
        }

        var resolved = ResolveExpression(dataset, collectionId)
            ?? throw new InvalidOperationException($"'{Name}' is drawn only from the item's '{IndexAsset}' asset (an index of TOA reflectance), which this item lacks; re-publish it");
        var expression = BandExpression.Parse(resolved, dataset.BandCount);
        return new TileRecipe
        {
            Expression = expression,
            ColorMap = ColorMap.Get(ColorMapName ?? "greys"),
            ClassBreaks = ClassBreaks,
            Resampling = resampling,
        };
    }
}
