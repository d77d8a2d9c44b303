namespace EarthData.Imaging.Pyramid;

/// <summary>What a <see cref="PyramidBuilder"/> run produced.</summary>
/// <param name="MinZoom">Coarsest zoom built.</param>
/// <param name="MaxZoom">Finest zoom built.</param>
/// <param name="NativeZoom">The raster's native zoom.</param>
/// <param name="TilesPerZoom">Tiles written per zoom (index = zoom − <paramref name="MinZoom"/>).</param>
/// <param name="EmptyTilesSkipped">Tiles inside the raster's bounding box that were fully transparent and not written.</param>
/// <param name="Bytes">Total encoded bytes written.</param>
/// <param name="Elapsed">Wall time of the run.</param>
/// <param name="EncodeTime">Time spent encoding, summed over workers.</param>
/// <param name="Extent">The raster's EPSG:3857 extent (metres).</param>
public sealed record PyramidResult(
    int MinZoom, int MaxZoom, int NativeZoom, IReadOnlyList<int> TilesPerZoom, long EmptyTilesSkipped, long Bytes,
    TimeSpan Elapsed, TimeSpan EncodeTime, (double MinX, double MinY, double MaxX, double MaxY) Extent)
{
    /// <summary>Tiles written over all zooms.</summary>
    public long TilesWritten
    {
        get
        {
            long total = 0;
            foreach (var n in TilesPerZoom)
            {
                total += n;
            }

            return total;
        }
    }
}
