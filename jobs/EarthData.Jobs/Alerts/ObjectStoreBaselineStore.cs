using System.Text.Json;
using EarthData.Core.Alerts;
using EarthData.Core.Storage;

namespace EarthData.Jobs.Alerts;

/// <summary>
/// <see cref="IBaselineStore"/> on an object store: <c>baselines/{collection}/{path}/{row}/{id}.tif</c> (COG) written
/// first, then <c>….json</c> (the record) — the record is the commit point, so a crash between the two leaves no visible
/// baseline. Both are written create-only: versions never change.
/// </summary>
public sealed class ObjectStoreBaselineStore(IObjectStore store) : IBaselineStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The object key prefix of a footprint's baselines.</summary>
    public static string Prefix(string footprint) => $"baselines/{footprint}/";

    /// <inheritdoc />
    public async Task<BaselineRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var key = RecordKey(id);
        if (key is null)
        {
            return null;
        }

        var stored = await store.TryGetAsync(key, null, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return null;
        }

        await using (stored.ConfigureAwait(false))
        {
            return await JsonSerializer.DeserializeAsync<BaselineRecord>(stored.Content, Json, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task SaveAsync(BaselineRecord record, ReadOnlyMemory<byte> cog, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (await store.ExistsAsync(RecordKey(record.Id)!, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        await Put(record.CogKey, cog, "image/tiff; application=geotiff; profile=cloud-optimized", cancellationToken).ConfigureAwait(false);
        await Put(RecordKey(record.Id)!, JsonSerializer.SerializeToUtf8Bytes(record, Json), "application/json", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The COG key of a baseline id in a footprint.</summary>
    public static string CogKey(string footprint, string id) => Prefix(footprint) + id + ".tif";

    // Ids are {kind}-{collection}-{path}-{row}.v{n}; the footprint folder is rebuilt from them.
    private static string? RecordKey(string id)
    {
        var parts = id.Split('.')[0].Split('-');
        return parts.Length < 5 ? null : Prefix($"{parts[1]}-{parts[2]}/{parts[3]}/{parts[4]}") + id + ".json";
    }

    private async Task Put(string key, ReadOnlyMemory<byte> bytes, string contentType, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(bytes.ToArray(), writable: false);
        try
        {
            await store.PutAsync(key, stream, new ObjectPutOptions { ContentType = contentType, OverwriteMode = OverwriteMode.CreateOnly }, cancellationToken).ConfigureAwait(false);
        }
        catch (ObjectAlreadyExistsException)
        {
            // A concurrent or earlier run wrote the same immutable version.
        }
    }
}
