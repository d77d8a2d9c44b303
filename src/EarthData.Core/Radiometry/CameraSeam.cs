using EarthData.Core.Metadata;

namespace EarthData.Core.Radiometry;

/// <summary>
/// The line, in the scene's UTM coordinates, dividing the pixels of a two-head camera (CBERS-4A WFI left/right optics):
/// the middle of the overlap between the left head's right edge and the right head's left edge, through the top and
/// bottom of the footprint.
/// </summary>
/// <param name="TopEasting">Easting of the seam at the top of the footprint, metres.</param>
/// <param name="TopNorthing">Northing of the seam at the top, metres.</param>
/// <param name="BottomEasting">Easting of the seam at the bottom, metres.</param>
/// <param name="BottomNorthing">Northing of the seam at the bottom, metres.</param>
public sealed record CameraSeam(double TopEasting, double TopNorthing, double BottomEasting, double BottomNorthing)
{
    /// <summary>The seam between the left and right heads; null when the heads use different UTM zones.</summary>
    public static CameraSeam? Between(OpticsMetadata left, OpticsMetadata right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (left.Projection.Epsg != right.Projection.Epsg)
        {
            return null;
        }

        var l = left.ImageData;
        var r = right.ImageData;
        return new CameraSeam(
            (l.UpperRight.Easting + r.UpperLeft.Easting) / 2,
            (l.UpperRight.Northing + r.UpperLeft.Northing) / 2,
            (l.LowerRight.Easting + r.LowerLeft.Easting) / 2,
            (l.LowerRight.Northing + r.LowerLeft.Northing) / 2);
    }

    /// <summary>Easting of the seam at <paramref name="northing"/> (extrapolated beyond the footprint), metres.</summary>
    public double EastingAt(double northing)
    {
        var span = TopNorthing - BottomNorthing;
        return Math.Abs(span) < 1e-9
            ? (TopEasting + BottomEasting) / 2
            : BottomEasting + ((TopEasting - BottomEasting) * (northing - BottomNorthing) / span);
    }
}
