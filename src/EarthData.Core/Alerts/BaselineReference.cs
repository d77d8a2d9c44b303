namespace EarthData.Core.Alerts;

/// <summary>Which stored baseline an evaluation compared with: its id and version (see <see cref="BaselineRecord"/>).</summary>
/// <param name="Id">The baseline id, e.g. <c>water-CBERS4-MUX-151-121.v3</c>.</param>
/// <param name="Version">Its version (the number after <c>.v</c>).</param>
public sealed record BaselineReference(string Id, int Version)
{
    /// <summary>The reference to <paramref name="record"/>.</summary>
    public static BaselineReference Of(BaselineRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new BaselineReference(record.Id, record.Version);
    }
}
