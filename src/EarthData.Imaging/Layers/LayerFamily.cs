namespace EarthData.Imaging.Layers;

/// <summary>The kinds of renderer a <see cref="LayerCatalog"/> layer belongs to.</summary>
public enum LayerFamily
{
    /// <summary>One or three bands, each stretched linearly between the scene's percentile cuts (true colour, false colour, band N).</summary>
    StretchedComposite,

    /// <summary>One band or a band-math index coloured by a colour map (NDVI, NDWI).</summary>
    IndexColorMap,

    /// <summary>An index classified by thresholds into hazard classes 0–4 and coloured by the <c>hazard</c> class map.</summary>
    ClassifiedHazard,
}
