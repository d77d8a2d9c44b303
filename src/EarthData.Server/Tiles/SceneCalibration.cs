using System.Collections.Concurrent;
using EarthData.Core.Metadata;
using EarthData.Core.Storage;
using EarthData.Imaging.Radiometry;

namespace EarthData.Server.Tiles;

/// <summary>
/// TOA reflectance per DN for the bands of a published scene, from the INPE metadata files published beside it
/// (<c>originals/{collection}/{item}/*.xml</c>: calibration coefficients, sun elevation, date). Cached per item.
/// </summary>
internal sealed class SceneCalibration(IObjectStore store)
{
    private const int MaxEntries = 1024;

    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, double>> _cache = new(StringComparer.Ordinal);

    /// <summary>Reflectance per DN by band common name; empty when the scene has no calibration (PAN, WPM 2020).</summary>
    public async Task<IReadOnlyDictionary<string, double>> FactorsAsync(ItemTileSet set, CancellationToken cancellationToken)
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

        var factors = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        if (bands.Count > 0)
        {
            var metadata = SceneMetadata.Merge(bands);
            var specs = metadata.Camera.Bands.Where(b => bands.Any(x => x.Band == b.Number)).ToList();
            if (ReflectanceFactors.TryCompute(metadata, specs, out var computed))
            {
                for (var i = 0; i < specs.Count; i++)
                {
                    factors[specs[i].CommonName] = computed[i];
                }
            }
        }

        if (_cache.Count >= MaxEntries)
        {
            _cache.Clear();
        }

        _cache[key] = factors;
        return factors;
    }
}
