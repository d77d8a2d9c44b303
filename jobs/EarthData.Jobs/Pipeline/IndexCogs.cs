using System.Text.Json;
using EarthData.Core.Indices;
using EarthData.Core.Metadata;
using EarthData.Core.Stac;
using EarthData.Core.Tiling;
using EarthData.Imaging.Cog;
using EarthData.Imaging.Indices;

namespace EarthData.Jobs.Pipeline;

/// <summary>
/// The index COG assets of a published scene: written beside the master COG by the process stage
/// (<see cref="MasterCogPass"/>, in the same read of the master as its statistics), uploaded with the other products, and described on the item as assets
/// <c>ndvi</c>, <c>ndwi</c>, <c>evi</c>, <c>savi</c> (roles <c>data</c>, <c>index</c>). Every index of
/// <see cref="IndexDefinition.All"/> the camera cannot give (the SWIR indices on every public CBERS camera), and every
/// requested one the scene cannot give (no calibration), is listed on the item under <see cref="UnavailableProperty"/>
/// with the reason.
/// </summary>
public static class IndexCogs
{
    /// <summary>Item property: requested indices the scene does not allow, by asset key, with the reason.</summary>
    public const string UnavailableProperty = "earthdata:unavailable_indices";

    /// <summary>Role added to the index assets besides <c>data</c>.</summary>
    public const string IndexRole = "index";

    /// <summary>
    /// The manifest's view of what the process stage's <see cref="MasterCogPass"/> wrote into
    /// <paramref name="workDirectory"/>: the written COGs (described with size and checksum), and every index of
    /// <see cref="IndexDefinition.All"/> the camera cannot give plus every requested one the scene did not allow, with the reason.
    /// </summary>
    public static (IReadOnlyList<ManifestIndex> Written, IReadOnlyDictionary<string, string> Unavailable) Describe(IndexCogResult result, SceneMetadata metadata,
        string workDirectory)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(metadata);
        var unavailable = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var definition in IndexDefinition.All)
        {
            if (definition.Availability(metadata.Camera) is { } reason)
            {
                unavailable[definition.AssetKey] = reason;
            }
        }

        foreach (var (key, reason) in result.Unavailable)
        {
            unavailable[key] = reason;
        }

        var written = result.Written
            .Select(i => new ManifestIndex(IndexDefinition.Of(i).AssetKey, SceneManifestFile.Describe(workDirectory, IndexCogWriter.FileName(i))))
            .ToList();
        return (written, unavailable);
    }

    /// <summary>The STAC assets of the manifest's index COGs, keyed by asset key (hrefs are object keys).</summary>
    public static Dictionary<string, StacAsset> Assets(SceneManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var assets = new Dictionary<string, StacAsset>(StringComparer.Ordinal);
        var resolution = WebMercatorQuad.Resolution(manifest.NativeZoom);
        foreach (var index in manifest.Indices ?? [])
        {
            var definition = IndexDefinition.All.First(d => d.AssetKey == index.AssetKey);
            var fields = CbersItemBuilder.WebMercatorProjection(manifest.CogShape, manifest.CogTransform);
            fields["file:size"] = StacJson.Element(index.File.Size);
            fields["file:checksum"] = StacJson.Element(index.File.Checksum);
            fields["bands"] = StacJson.Element(new[]
            {
                new Dictionary<string, object>
                {
                    ["name"] = definition.AssetKey,
                    ["description"] = $"{Title(definition.Index)} of TOA reflectance ({string.Join(", ", definition.Bands)})",
                    ["data_type"] = "int16",
                    ["nodata"] = IndexCogWriter.NoData,
                    ["raster:scale"] = IndexCogWriter.Scale,
                    ["raster:offset"] = 0,
                    ["raster:spatial_resolution"] = resolution,
                },
            });
            assets[definition.AssetKey] = new StacAsset
            {
                Href = PublishedObjectKeys.Cog(manifest.Collection, manifest.SceneId, definition.AssetKey),
                Type = StacAsset.CogMediaType,
                Title = $"{Title(definition.Index)}, Web Mercator COG (TOA reflectance, Int16 × 10000)",
                Roles = ["data", IndexRole],
                Fields = fields,
            };
        }

        return assets;
    }

    /// <summary>Adds <see cref="UnavailableProperty"/> to <paramref name="item"/> when the manifest lists unavailable indices.</summary>
    public static void DescribeUnavailable(StacItem item, SceneManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(manifest);
        if (manifest.UnavailableIndices is { Count: > 0 } unavailable)
        {
            item.Properties[UnavailableProperty] = JsonSerializer.SerializeToElement(unavailable);
        }
    }

    /// <summary>The object keys of the manifest's index COGs.</summary>
    public static IEnumerable<string> Keys(SceneManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return (manifest.Indices ?? []).Select(i => PublishedObjectKeys.Cog(manifest.Collection, manifest.SceneId, i.AssetKey));
    }

    private static string Title(SpectralIndex index) => index switch
    {
        SpectralIndex.Ndvi => "NDVI (normalized difference vegetation index)",
        SpectralIndex.Ndwi => "NDWI (McFeeters normalized difference water index)",
        SpectralIndex.Evi => "EVI (enhanced vegetation index)",
        SpectralIndex.Savi => "SAVI (soil-adjusted vegetation index, L = 0.5)",
        _ => index.ToString().ToUpperInvariant(),
    };
}
