using System.Security.Cryptography;
using System.Text;
using EarthData.Core.Storage;

namespace EarthData.Jobs.Scheduling;

/// <summary>
/// One discovery round: asks every source for scenes newer than its watermark, queues each (idempotent: a known scene
/// keeps its record), then stores the new watermark in the object store under <c>pipeline/watermarks/</c>, so every
/// machine of a scale-out deployment shares it. A round that fails part-way keeps the watermark of the last scene
/// queued. Ends with a recovery sweep for scenes whose jobs were lost.
/// </summary>
public sealed class SceneDiscovery(SceneIntake intake, IObjectStore objects, SceneRecovery recovery)
{
    /// <summary>Runs one round; returns the ids of the scenes newly queued.</summary>
    public async Task<IReadOnlyList<string>> RunAsync(CancellationToken cancellationToken = default)
    {
        var queued = new List<string>();
        foreach (var source in intake.Sources.All)
        {
            var key = WatermarkKey(source.Name);
            var watermark = await ReadWatermarkAsync(key, cancellationToken).ConfigureAwait(false);
            string? latest = null;
            try
            {
                await foreach (var scene in source.DiscoverAsync(watermark, cancellationToken).ConfigureAwait(false))
                {
                    var outcome = await intake.QueueAsync(scene.Id, scene.Location, force: false, cancellationToken).ConfigureAwait(false);
                    if (outcome.Accepted)
                    {
                        queued.Add(outcome.Record.SceneId);
                    }

                    latest = scene.Watermark;
                }
            }
            finally
            {
                if (latest is not null)
                {
                    await WriteWatermarkAsync(key, latest, CancellationToken.None).ConfigureAwait(false);
                }
            }
        }

        await recovery.RequeueUnfinishedAsync(intake.State.Options.LeaseDuration * 2, evenIfLeased: false, cancellationToken).ConfigureAwait(false);
        return queued;
    }

    /// <summary>The object key of a source's watermark.</summary>
    public static string WatermarkKey(string sourceName) =>
        "pipeline/watermarks/" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sourceName)))[..24] + ".txt";

    private async Task<string?> ReadWatermarkAsync(string key, CancellationToken cancellationToken)
    {
        var stored = await objects.TryGetAsync(key, null, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return null;
        }

        await using (stored.ConfigureAwait(false))
        {
            using var reader = new StreamReader(stored.Content, Encoding.UTF8);
            var text = (await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false)).Trim();
            return text.Length == 0 ? null : text;
        }
    }

    private async Task WriteWatermarkAsync(string key, string watermark, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(watermark));
        await objects.PutAsync(key, content, new ObjectPutOptions { ContentType = "text/plain", CacheControl = "no-cache" }, cancellationToken).ConfigureAwait(false);
    }
}
