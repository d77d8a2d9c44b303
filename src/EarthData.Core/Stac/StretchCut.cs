namespace EarthData.Core.Stac;

/// <summary>
/// The contrast-stretch cut of one band that rendering uses: the values at the <see cref="LowPercent"/> and
/// <see cref="HighPercent"/> percentiles of the scene's valid pixels (after dropping a saturation spike), mapped to 0
/// and 255. Written on the item as <c>earthdata:stretch</c> of a band.
/// </summary>
/// <param name="LowPercent">The lower percentile (e.g. 2).</param>
/// <param name="HighPercent">The upper percentile (e.g. 98).</param>
/// <param name="Low">The band value drawn black; in the band's units (digital numbers for the CBERS COGs).</param>
/// <param name="High">The band value drawn white; greater than <paramref name="Low"/>.</param>
public sealed record StretchCut(double LowPercent, double HighPercent, double Low, double High);
