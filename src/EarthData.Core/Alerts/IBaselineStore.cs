namespace EarthData.Core.Alerts;

/// <summary>Where baselines are kept: the COG and its record. Versions are immutable. Implementations are thread-safe.</summary>
public interface IBaselineStore
{
    /// <summary>The record of baseline <paramref name="id"/>, or null when it was never stored.</summary>
    Task<BaselineRecord?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Stores a new version: the COG first, then the record that makes it visible. A stored id is left as is.</summary>
    Task SaveAsync(BaselineRecord record, ReadOnlyMemory<byte> cog, CancellationToken cancellationToken);
}
