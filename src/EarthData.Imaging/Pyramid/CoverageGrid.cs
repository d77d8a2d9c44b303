using EarthData.Core.Tiling;
using EarthData.Gdal;
using EarthData.Imaging.Layers;

namespace EarthData.Imaging.Pyramid;

/// <summary>
/// Which parts of an aligned raster hold any visible pixel, from one averaged read of the mask (or alpha) band at one
/// value per 16×16 native pixels (served from the COG's overviews; one valid pixel in a cell still averages to ≥ 1),
/// dilated by one cell for safety. Lets the pyramid skip the padding of GoogleMapsCompatible COGs and the nodata collar of rotated scenes
/// without reading them.
/// </summary>
internal sealed class CoverageGrid
{
    private readonly bool[] _covered;
    private readonly int _columns;
    private readonly int _rows;
    private readonly AlignedGrid _grid;

    /// <summary>Native pixels per cell side.</summary>
    private const int Cell = 16;

    private CoverageGrid(AlignedGrid grid, bool[] covered, int columns, int rows)
    {
        _grid = grid;
        _covered = covered;
        _columns = columns;
        _rows = rows;
    }

    public static CoverageGrid Read(GdalDataset dataset, AlignedGrid grid, LayerRenderer renderer)
    {
        var columns = (dataset.Width + Cell - 1) / Cell;
        var rows = (dataset.Height + Cell - 1) / Cell;
        var values = new byte[columns * rows];
        var band = renderer.AlphaBand > 0 ? dataset.GetBand(renderer.AlphaBand) : dataset.GetBand(renderer.Bands[0]).GetMaskBand();
        band.Read(0, 0, dataset.Width, dataset.Height, values.AsSpan(), columns, rows, ResampleAlgorithm.Average);
        var covered = new bool[values.Length];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                if (values[(r * columns) + c] == 0)
                {
                    continue;
                }

                for (var dr = -1; dr <= 1; dr++)
                {
                    for (var dc = -1; dc <= 1; dc++)
                    {
                        var rr = r + dr;
                        var cc = c + dc;
                        if (rr >= 0 && rr < rows && cc >= 0 && cc < columns)
                        {
                            covered[(rr * columns) + cc] = true;
                        }
                    }
                }
            }
        }

        return new CoverageGrid(grid, covered, columns, rows);
    }

    /// <summary>False only when no native tile under <paramref name="tile"/> can hold a visible pixel.</summary>
    public bool MayCover(TileAddress tile)
    {
        var span = WebMercatorQuad.TileSize * Math.Pow(2, _grid.NativeZoom - tile.Zoom); // native pixels per tile side
        var x0 = ((tile.X * span) - _grid.ColumnOffset) / Cell;
        var y0 = ((tile.Y * span) - _grid.RowOffset) / Cell;
        var cells = span / Cell;
        var c0 = Math.Max(0, (int)Math.Floor(x0));
        var r0 = Math.Max(0, (int)Math.Floor(y0));
        var c1 = Math.Min(_columns - 1, (int)Math.Ceiling(x0 + cells) - 1);
        var r1 = Math.Min(_rows - 1, (int)Math.Ceiling(y0 + cells) - 1);
        for (var r = r0; r <= r1; r++)
        {
            for (var c = c0; c <= c1; c++)
            {
                if (_covered[(r * _columns) + c])
                {
                    return true;
                }
            }
        }

        return false;
    }
}
