namespace EarthData.Core.Alerts;

/// <summary>
/// Where baselines are kept: each version's COG in the object store and its record in the catalogue. The record is
/// the commit point (written after the COG); versions are immutable and numbered per footprint and kind in the order
/// they were stored. Implementations are thread-safe and safe across processes sharing the catalogue.
/// </summary>
public interface IBaselineStore
{
    /// <summary>The record of baseline <paramref name="id"/>, or null when it was never stored.</summary>
    Task<BaselineRecord?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>The record already stored for exactly these inputs, or null (then the caller builds the COG and saves it).</summary>
    Task<BaselineRecord?> FindAsync(BaselineInputs inputs, CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="cog"/> and then the record of the next version of the inputs' footprint and kind, and
    /// returns it; inputs stored before (by this or a concurrent caller) return their existing record unchanged.
    /// </summary>
    Task<BaselineRecord> SaveAsync(BaselineInputs inputs, ReadOnlyMemory<byte> cog, CancellationToken cancellationToken);

    /// <summary>The records matching <paramref name="query"/>.</summary>
    Task<IReadOnlyList<BaselineRecord>> ListAsync(BaselineQuery query, CancellationToken cancellationToken);
}
