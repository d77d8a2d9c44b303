namespace EarthData.Core.Stac;

/// <summary>The tiles present at one zoom of a pyramid: an inclusive XYZ column/row range (rows counted from the north).</summary>
/// <param name="MinCol">Smallest column (x).</param>
/// <param name="MinRow">Smallest row (y).</param>
/// <param name="MaxCol">Largest column.</param>
/// <param name="MaxRow">Largest row.</param>
public sealed record TileMatrixLimits(int MinCol, int MinRow, int MaxCol, int MaxRow);
