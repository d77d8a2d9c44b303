namespace EarthData.Core.Scenes;

/// <summary>A CBERS camera product line: its collection, bands and nominal resolution.</summary>
/// <param name="Satellite">The satellite carrying the camera.</param>
/// <param name="Camera">The camera product line.</param>
/// <param name="Gsd">Nominal ground sample distance of the product in metres (STAC <c>gsd</c>; the finest band).</param>
/// <param name="Bands">The bands in ascending number order.</param>
public sealed record CameraSpec(CbersSatellite Satellite, CbersCamera Camera, double Gsd, IReadOnlyList<BandSpec> Bands)
{
    /// <summary>The STAC collection id, e.g. <c>CBERS4-MUX</c>.</summary>
    public string CollectionId => CbersNames.CollectionId(Satellite, Camera);

    /// <summary>The instrument name used in ids, folders and STAC <c>instruments</c> (e.g. <c>PAN10M</c>).</summary>
    public string Instrument => CbersNames.CameraToken(Camera);

    /// <summary>The STAC <c>platform</c>: <c>cbers-4</c> or <c>cbers-4a</c>.</summary>
    public string Platform => CbersNames.Platform(Satellite);

    /// <summary>The band with <paramref name="number"/>, or null when the camera has no such band.</summary>
    public BandSpec? FindBand(int number) => Bands.FirstOrDefault(b => b.Number == number);

    /// <summary>The band with <paramref name="number"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The camera has no such band.</exception>
    public BandSpec Band(int number) => FindBand(number) ?? throw new ArgumentOutOfRangeException(
        nameof(number), number, $"{CollectionId} has bands {string.Join(", ", Bands.Select(b => b.Number))}.");

    /// <summary>The band with the STAC common name (first match), or null.</summary>
    public BandSpec? FindBand(string commonName) =>
        Bands.FirstOrDefault(b => string.Equals(b.CommonName, commonName, StringComparison.OrdinalIgnoreCase));
}
