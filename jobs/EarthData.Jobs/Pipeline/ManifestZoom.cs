namespace EarthData.Jobs.Pipeline;

/// <summary>The tiles written at one zoom of a layer: how many, and the XYZ column/row range they span (inclusive).</summary>
/// <param name="Zoom">The zoom level.</param>
/// <param name="Count">Tiles written (fully transparent tiles are not written).</param>
/// <param name="MinCol">Smallest x.</param>
/// <param name="MinRow">Smallest y (counted from the north).</param>
/// <param name="MaxCol">Largest x.</param>
/// <param name="MaxRow">Largest y.</param>
public sealed record ManifestZoom(int Zoom, int Count, int MinCol, int MinRow, int MaxCol, int MaxRow);
