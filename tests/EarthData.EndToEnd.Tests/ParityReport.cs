using System.Globalization;

namespace EarthData.EndToEnd.Tests;

/// <summary>How two tile trees of the same raster differ (ours vs gdal2tiles').</summary>
/// <param name="CommonTiles">Non-empty tiles in both.</param>
/// <param name="UnexplainedMissing">Tiles non-empty in only one tree although fully opaque there (not an edge tile).</param>
/// <param name="AlphaAgreement">Fraction of pixels (over tiles in both) whose opacity (alpha ≥ 128) agrees.</param>
/// <param name="MeanAbsoluteDifference">Mean |Δ| in DN over RGB of pixels fully opaque in both.</param>
/// <param name="BlockMeanDifference">Mean |Δ| of 4×4-block means over blocks fully opaque in both.</param>
/// <param name="ShiftX">Sub-pixel shift of ours relative to theirs at the finest zoom, pixels east.</param>
/// <param name="ShiftY">Same, pixels south.</param>
internal sealed record ParityReport(
    int CommonTiles, int UnexplainedMissing, double AlphaAgreement, double MeanAbsoluteDifference, double BlockMeanDifference,
    double ShiftX, double ShiftY)
{
    public const double MinAlphaAgreement = 0.99;
    public const double MaxMeanAbsoluteDifference = 3.5;
    public const double MaxBlockMeanDifference = 1.0;
    public const double MaxShift = 0.5;

    public double Shift => Math.Sqrt((ShiftX * ShiftX) + (ShiftY * ShiftY));

    public bool SameTiles => UnexplainedMissing == 0 && CommonTiles > 0;

    public bool SamePixels => AlphaAgreement >= MinAlphaAgreement && MeanAbsoluteDifference <= MaxMeanAbsoluteDifference
        && BlockMeanDifference <= MaxBlockMeanDifference;

    public bool NoShift => Shift <= MaxShift;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"tiles {CommonTiles} (unexplained {UnexplainedMissing}), alpha {AlphaAgreement:P2}, MAD {MeanAbsoluteDifference:F2}, block {BlockMeanDifference:F2}, shift ({ShiftX:F2}, {ShiftY:F2}) = {Shift:F2} px");
}
