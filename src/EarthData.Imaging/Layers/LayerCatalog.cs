using System.Diagnostics.CodeAnalysis;

namespace EarthData.Imaging.Layers;

/// <summary>
/// The layer registry: every named layer tiles, dynamic tiles and publishing can draw, by renderer family — stretched
/// composites (<c>true-color</c>, <c>false-color</c>, <c>band-N</c>, <c>raw</c>), indices with a colour map
/// (<c>ndvi</c>, <c>ndwi</c>, <c>evi</c>, <c>savi</c>) and classified hazards (<c>water-hazard</c>). The one owner of
/// layer names and titles.
/// </summary>
/// <remarks>
/// Index layers draw the item's index COG asset (<see cref="LayerEntry.IndexAsset"/>: TOA reflectance, what the alerts
/// use) when the item has it. Items published before index assets fall back to the expression on the COG's digital
/// numbers (CBERS DN are linear in radiance with a per-band gain), which shifts the values from the TOA index but keeps
/// the picture; EVI has no such fallback (its coefficients are meaningful only on reflectance).
/// </remarks>
public static class LayerCatalog
{
    private static readonly LayerEntry[] Entries =
    [
        new("true-color", "True colour (red, green, blue)", LayerFamily.StretchedComposite) { Composite = LayerDefinition.TrueColor },
        new("false-color", "False colour (near infrared, red, green)", LayerFamily.StretchedComposite) { Composite = LayerDefinition.FalseColor },
        new("ndvi", "NDVI vegetation index", LayerFamily.IndexColorMap) { Expression = "({nir}-{red})/({nir}+{red})", ColorMapName = "ndvi", IndexAsset = "ndvi" },
        new("ndwi", "NDWI water index", LayerFamily.IndexColorMap) { Expression = "({green}-{nir})/({green}+{nir})", ColorMapName = "water", IndexAsset = "ndwi" },
        new("evi", "EVI enhanced vegetation index", LayerFamily.IndexColorMap) { ColorMapName = "ndvi", IndexAsset = "evi" },
        new("savi", "SAVI soil-adjusted vegetation index", LayerFamily.IndexColorMap)
        {
            Expression = "1.5*({nir}-{red})/({nir}+{red}+0.5)", ColorMapName = "ndvi", IndexAsset = "savi",
        },
        new("water-hazard", "Open-water classes (NDWI ≥ 0, 0.15, 0.3, 0.45)", LayerFamily.ClassifiedHazard)
        {
            Expression = "({green}-{nir})/({green}+{nir})", ColorMapName = "hazard", ClassBreaks = [0.0, 0.15, 0.3, 0.45], IndexAsset = "ndwi",
        },
    ];

    /// <summary>The named layers (band-N and raw are found by <see cref="TryGet"/> too).</summary>
    public static IReadOnlyList<LayerEntry> All => Entries;

    /// <summary>Finds a layer by name: a registered one, <c>raw</c>, or <c>band-N</c>.</summary>
    public static bool TryGet(string name, [NotNullWhen(true)] out LayerEntry? entry)
    {
        ArgumentNullException.ThrowIfNull(name);
        entry = Array.Find(Entries, e => string.Equals(e.Name, name, StringComparison.Ordinal));
        if (entry is not null)
        {
            return true;
        }

        var cli = name.StartsWith("band-", StringComparison.Ordinal) ? "band:" + name[5..] : name;
        if (name is "raw" || name.StartsWith("band-", StringComparison.Ordinal))
        {
            try
            {
                var definition = LayerDefinition.Parse(cli);
                entry = new LayerEntry(definition.Name, Title(definition), LayerFamily.StretchedComposite) { Composite = definition };
                return entry.Name == name;
            }
            catch (FormatException)
            {
                entry = null;
            }
        }

        return false;
    }

    /// <summary>The title of a layer name (the name itself when unknown).</summary>
    public static string TitleOf(string name) => TryGet(name, out var entry) ? entry.Title : name;

    private static string Title(LayerDefinition definition) => definition.Kind switch
    {
        LayerKind.Raw => "Bands as stored",
        LayerKind.Band => $"Band {definition.BandNumber} (grey)",
        _ => definition.Name,
    };
}
