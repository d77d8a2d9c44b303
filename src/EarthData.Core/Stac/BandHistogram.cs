namespace EarthData.Core.Stac;

/// <summary>
/// A histogram of a band's valid pixels: <see cref="Buckets"/> equal-width buckets spanning [<see cref="Min"/>,
/// <see cref="Max"/>], the last one closed (the raster extension's <c>raster:histogram</c>, GDAL's layout).
/// </summary>
/// <param name="Min">The lower edge of the first bucket (the band's minimum).</param>
/// <param name="Max">The upper edge of the last bucket (the band's maximum).</param>
/// <param name="Buckets">Pixel counts per bucket.</param>
public sealed record BandHistogram(double Min, double Max, IReadOnlyList<long> Buckets)
{
    /// <summary>The number of buckets.</summary>
    public int Count => Buckets.Count;
}
