using EarthData.Core.Geometry;

namespace EarthData.Core.Metadata;

/// <summary>
/// The four corners and centre of an INPE <c>boundingBox</c> (the raster's extent) or <c>imageData</c>
/// (the valid-data footprint) element.
/// </summary>
/// <param name="UpperLeft">Corner <c>UL</c>.</param>
/// <param name="UpperRight">Corner <c>UR</c>.</param>
/// <param name="LowerRight">Corner <c>LR</c>.</param>
/// <param name="LowerLeft">Corner <c>LL</c>.</param>
/// <param name="Center">Centre point <c>CT</c>.</param>
public sealed record CornerSet(ImageCorner UpperLeft, ImageCorner UpperRight, ImageCorner LowerRight, ImageCorner LowerLeft, ImageCorner Center)
{
    /// <summary>The four corners in ring order LL, LR, UR, UL.</summary>
    public IReadOnlyList<ImageCorner> Corners => [LowerLeft, LowerRight, UpperRight, UpperLeft];

    /// <summary>The quadrilateral LL → LR → UR → UL as a closed counter-clockwise polygon (lon/lat).</summary>
    public Polygon ToPolygon() => new(Corners.Select(c => c.Position));

    /// <summary>The min/max envelope of the four corners in longitude/latitude.</summary>
    public BoundingBox Envelope => BoundingBox.FromPoints(Corners.Select(c => c.Position));
}
