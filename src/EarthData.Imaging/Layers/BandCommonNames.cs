using EarthData.Core.Scenes;
using EarthData.Gdal;

namespace EarthData.Imaging.Layers;

/// <summary>
/// Finds bands by common name (<c>blue</c>, <c>green</c>, <c>red</c>, <c>nir</c>, <c>pan</c>): first from the band
/// descriptions (the COG writer sets them), else from the CBERS camera catalogue when the collection is known and the
/// band count matches it (bands stacked in catalogue order).
/// </summary>
public static class BandCommonNames
{
    /// <summary>Metadata item (default domain) naming the CBERS collection a raster was made from, e.g. <c>CBERS4-MUX</c>.</summary>
    public const string CollectionMetadataItem = "EARTHDATA_COLLECTION";

    /// <summary>The 1-based band number carrying <paramref name="commonName"/>.</summary>
    /// <param name="dataset">The raster.</param>
    /// <param name="commonName">A common name, case-insensitive.</param>
    /// <param name="collectionId">The CBERS collection when known (else read from <see cref="CollectionMetadataItem"/>).</param>
    /// <exception cref="InvalidOperationException">No band has that name; the message says what was found.</exception>
    public static int Find(GdalDataset dataset, string commonName, string? collectionId = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentException.ThrowIfNullOrEmpty(commonName);
        var count = dataset.BandCount;
        var found = new List<string>(count);
        for (var b = 1; b <= count; b++)
        {
            var description = dataset.GetBand(b).Description?.Trim() ?? string.Empty;
            if (string.Equals(description, commonName, StringComparison.OrdinalIgnoreCase))
            {
                return b;
            }

            if (description.Length > 0)
            {
                found.Add(description);
            }
        }

        collectionId ??= dataset.GetMetadataItem(CollectionMetadataItem);
        if (found.Count == 0 && CameraCatalog.TryForCollection(collectionId, out var camera) && camera.Bands.Count == count)
        {
            for (var i = 0; i < count; i++)
            {
                if (string.Equals(camera.Bands[i].CommonName, commonName, StringComparison.OrdinalIgnoreCase))
                {
                    return i + 1;
                }
            }
        }

        var known = found.Count > 0 ? $"band descriptions are {string.Join(", ", found)}" : "bands have no descriptions and no known CBERS camera";
        throw new InvalidOperationException(
            $"'{dataset.Path}' has no '{commonName}' band ({known}); use --layer raw or band:N");
    }
}
