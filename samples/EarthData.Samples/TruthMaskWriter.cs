using EarthData.Gdal;

namespace EarthData.Samples;

/// <summary>
/// Writes the truth of a scenario pair on the reference grid: 1 where the ground changed and both passes saw it,
/// 0 where it did not change, 255 where it is unknown (outside the footprint, or clouded on either pass).
/// </summary>
internal static class TruthMaskWriter
{
    public const byte Unchanged = 0;
    public const byte Changed = 1;
    public const byte Unknown = 255;

    /// <summary>Writes the mask and returns the number of changed pixels.</summary>
    public static long Write(string path, SceneLayout layout, SceneCover before, SceneCover after, CancellationToken cancellationToken)
    {
        var band = layout.ReferenceBand;
        var (width, height) = layout.GridSize(band);
        var footprint = layout.Footprint(band);
        var staging = path + ".partial";
        long changed = 0;
        using (var dataset = GdalDataset.Create("GTiff", staging, width, height, 1, GdalDataType.Byte, ["TILED=YES", "COMPRESS=DEFLATE"]))
        {
            dataset.GeoTransform = layout.GeoTransform(band);
            using (var srs = SpatialReference.FromEpsg(layout.Epsg))
            {
                dataset.SetSpatialReference(srs);
            }

            var output = dataset.GetBand(1);
            output.NoDataValue = Unknown;
            var line = new byte[width];
            for (var row = 0; row < height; row++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Array.Fill(line, Unknown);
                var (start, end) = footprint.RowSpan(row);
                var y = row + 0.5;
                for (var col = start; col < end; col++)
                {
                    var x = col + 0.5;
                    if (before.IsCloudy(x, y) || after.IsCloudy(x, y))
                    {
                        continue;
                    }

                    var isChanged = before.Ground(x, y) != after.Ground(x, y);
                    line[col] = isChanged ? Changed : Unchanged;
                    changed += isChanged ? 1 : 0;
                }

                output.Write<byte>(0, row, width, 1, line);
            }

            dataset.Close();
        }

        File.Move(staging, path, overwrite: true);
        return changed;
    }
}
