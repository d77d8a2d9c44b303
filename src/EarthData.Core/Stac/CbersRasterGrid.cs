using EarthData.Core.Metadata;
using EarthData.Core.Scenes;

namespace EarthData.Core.Stac;

/// <summary>
/// The UTM grid of one archive band as the projection extension writes it. The GeoTIFF origin is the
/// <c>boundingBox/UL</c> easting/northing and the size is <c>columns</c> × <c>lines</c>; with two optics heads the
/// union of both heads' boxes is used and the size derived from it.
/// </summary>
internal sealed record CbersRasterGrid(int Lines, int Columns, double PixelWidth, double PixelHeight, double West, double South, double East, double North)
{
    public int[] Shape => [Lines, Columns];

    public double[] Transform => [PixelWidth, 0, West, 0, -PixelHeight, North];

    public double[] Bbox => [West, South, East, North];

    /// <summary>The grid described by a band file.</summary>
    public static CbersRasterGrid From(InpeBandMetadata band)
    {
        var heads = band.Cameras;
        var west = heads.Min(h => h.BoundingBox.UpperLeft.Easting);
        var north = heads.Max(h => h.BoundingBox.UpperLeft.Northing);
        var east = heads.Max(h => Math.Max(h.BoundingBox.UpperRight.Easting, h.BoundingBox.LowerRight.Easting));
        var south = heads.Min(h => Math.Min(h.BoundingBox.LowerLeft.Northing, h.BoundingBox.LowerRight.Northing));
        var primary = band.Primary;
        if (heads.Count == 1)
        {
            return new CbersRasterGrid(
                primary.Lines, primary.Columns, primary.HorizontalPixelSize, primary.VerticalPixelSize, west, south, east, north);
        }

        return Derived(west, south, east, north, primary.HorizontalPixelSize, primary.VerticalPixelSize);
    }

    /// <summary>The same extent sampled at another band's ground sample distance (for bands without their own file).</summary>
    public CbersRasterGrid Resampled(BandSpec band) =>
        band.Gsd == PixelWidth ? this : Derived(West, South, East, North, band.Gsd, band.Gsd);

    private static CbersRasterGrid Derived(double west, double south, double east, double north, double pixelWidth, double pixelHeight) => new(
        (int)Math.Round((north - south) / pixelHeight), (int)Math.Round((east - west) / pixelWidth), pixelWidth, pixelHeight, west, south, east, north);
}
