namespace EarthData.Core.Metadata;

/// <summary>The map projection of an INPE product (always UTM on WGS 84 in the archive).</summary>
/// <param name="ProjectionName">INPE projection name, <c>UTM</c>.</param>
/// <param name="DatumName">Datum name, <c>WGS84</c>.</param>
/// <param name="OriginLongitude">Central meridian, degrees.</param>
/// <param name="OriginLatitude">Latitude of origin, degrees.</param>
/// <param name="ScaleFactor">Scale factor at the central meridian (0.9996).</param>
/// <param name="FalseEasting">False easting, metres.</param>
/// <param name="FalseNorthing">False northing, metres (10 000 000 in the southern hemisphere).</param>
public sealed record UtmProjection(
    string ProjectionName, string DatumName, double OriginLongitude, double OriginLatitude, double ScaleFactor, double FalseEasting, double FalseNorthing)
{
    private const double SouthernFalseNorthing = 10_000_000;

    /// <summary>UTM zone number 1–60: (<see cref="OriginLongitude"/> + 183) / 6.</summary>
    public int Zone => (int)Math.Round((OriginLongitude + 183) / 6);

    /// <summary>Whether this is a southern-hemisphere zone (false northing 10 000 000 m).</summary>
    public bool IsSouth => FalseNorthing == SouthernFalseNorthing;

    /// <summary>The EPSG code of the WGS 84 UTM zone: 326zz north, 327zz south.</summary>
    public int Epsg => (IsSouth ? 32700 : 32600) + Zone;
}
