using System.Collections.Concurrent;
using EarthData.Core.Metadata;
using EarthData.Core.Storage;
using EarthData.Imaging.Radiometry;

namespace EarthData.Server.Tiles;

/// <summary>
/// TOA reflectance per DN for the bands of a published scene at a point, from the INPE metadata files published beside
/// it (<c>originals/{collection}/{item}/*.xml</c>: calibration coefficients, sun elevation, date; each head's own on a
/// two-head WFI/AWFI scene, see <see cref="HeadFactors"/>). The metadata is cached per item.
/// </summary>
internal sealed class SceneCalibration(IObjectStore store)
{
    private const int MaxEntries = 1024;

    private readonly ConcurrentDictionary<string, SceneMetadata?> _cache = new(StringComparer.Ordinal);

    /// <summary>
    /// Reflectance per DN by band common name at (<paramref name="longitude"/>, <paramref name="latitude"/>); empty when
    /// the scene has no calibration (PAN, WPM 2020) or no metadata was published.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, double>> FactorsAsync(ItemTileSet set, double longitude, double latitude, CancellationToken cancellationToken)
    {
        var factors = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        if (await MetadataAsync(set, cancellationToken).ConfigureAwait(false) is { } metadata)
        {
            var specs = metadata.Camera.Bands.Where(b => metadata.Bands.Contains(b.Number)).ToList();
            if (HeadFactors.At(metadata, specs, longitude, latitude) is { } computed)
            {
                for (var i = 0; i < specs.Count; i++)
                {
                    factors[specs[i].CommonName] = computed[i];
                }
            }
        }

        return factors;
    }

    private async Task<SceneMetadata?> MetadataAsync(ItemTileSet set, CancellationToken cancellationToken)
    {
        var key = set.Collection + "/" + set.ItemId;
        if (_cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var bands = new List<InpeBandMetadata>();
        await foreach (var file in store.ListAsync($"originals/{set.Collection}/{set.ItemId}/", cancellationToken).ConfigureAwait(false))
        {
            if (!file.Key.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var stored = await store.GetAsync(file.Key, null, cancellationToken).ConfigureAwait(false);
            await using (stored.ConfigureAwait(false))
            {
                using var buffer = new MemoryStream();
                await stored.Content.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
                buffer.Position = 0;
                bands.Add(InpeMetadataReader.Read(buffer, file.Key));
            }
        }

        var metadata = bands.Count > 0 ? SceneMetadata.Merge(bands) : null;
        if (_cache.Count >= MaxEntries)
        {
            _cache.Clear();
        }

        _cache[key] = metadata;
        return metadata;
    }
}
