using System.Buffers;
using EarthData.Core.Metadata;
using EarthData.Core.Radiometry;
using EarthData.Core.Scenes;
using EarthData.Gdal;
using EarthData.Samples.Synthesis;

namespace EarthData.Samples;

/// <summary>
/// Writes one band of a synthetic scene as an archive-style GeoTIFF: UTM, the camera's data type, nodata 0,
/// digital numbers computed from the scene cover through the inverse of the TOA-reflectance conversion its XML states.
/// Works in strips, so memory stays bounded whatever the grid size.
/// </summary>
internal static class BandRasterWriter
{
    private const int StripRows = 128;

    public static void Write(string path, SceneLayout layout, BandSpec band, InpeBandMetadata metadata, SceneCover cover,
        ValueNoise texture, int seed, CancellationToken cancellationToken)
    {
        var (width, height) = layout.GridSize(band);
        var footprint = layout.Footprint(band);
        var toReference = layout.PixelSize(band) / layout.ReferencePixelSize;
        var primary = metadata.Primary;
        // Bands without a coefficient (PAN, WPM) are calibrated like their neighbours; DN is then relative.
        var coefficient = metadata.AbsoluteCalibrationCoefficient
            ?? ToaReflectance.CoefficientForSaturation(SyntheticMetadata.SaturationReflectance, band.MaxValue, band, primary.SunElevation, metadata.SceneId.AcquisitionDate);
        var dnPerReflectance = 1 / ToaReflectance.Factor(coefficient, band, primary.SunElevation, metadata.SceneId.AcquisitionDate);
        var type = band.SampleType == SampleType.Byte ? GdalDataType.Byte : GdalDataType.Int16;

        using var dataset = GdalDataset.Create("GTiff", path, width, height, 1, type, ["TILED=YES", "COMPRESS=DEFLATE", "PREDICTOR=2"]);
        dataset.GeoTransform = layout.GeoTransform(band);
        using (var srs = SpatialReference.FromEpsg(layout.Epsg))
        {
            dataset.SetSpatialReference(srs);
        }

        var gdalBand = dataset.GetBand(1);
        gdalBand.NoDataValue = band.NoData;
        var strip = ArrayPool<short>.Shared.Rent(width * StripRows);
        var bytes = type == GdalDataType.Byte ? ArrayPool<byte>.Shared.Rent(width * StripRows) : null;
        try
        {
            for (var top = 0; top < height; top += StripRows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var rows = Math.Min(StripRows, height - top);
                Parallel.For(0, rows, r =>
                {
                    var row = top + r;
                    var line = strip.AsSpan(r * width, width);
                    line.Clear();
                    var (start, end) = footprint.RowSpan(row);
                    var y = (row + 0.5) * toReference;
                    for (var col = start; col < end; col++)
                    {
                        var x = (col + 0.5) * toReference;
                        var reflectance = cover.Reflectance(x, y, band.CommonName) * (0.85 + (0.3 * texture.Sample(x, y)));
                        var dn = (int)Math.Round(reflectance * dnPerReflectance) + SensorNoise(col, row, band.Number, seed);
                        line[col] = (short)Math.Clamp(dn, 1, band.MaxValue);
                    }
                });
                var count = rows * width;
                if (bytes is not null)
                {
                    for (var i = 0; i < count; i++)
                    {
                        bytes[i] = (byte)strip[i];
                    }

                    gdalBand.Write<byte>(0, top, width, rows, bytes.AsSpan(0, count));
                }
                else
                {
                    gdalBand.Write<short>(0, top, width, rows, strip.AsSpan(0, count));
                }
            }
        }
        finally
        {
            ArrayPool<short>.Shared.Return(strip);
            if (bytes is not null)
            {
                ArrayPool<byte>.Shared.Return(bytes);
            }
        }

        dataset.Close();
    }

    // Detector noise of ±1 DN, deterministic per pixel and band.
    private static int SensorNoise(int col, int row, int band, int seed)
    {
        unchecked
        {
            var h = (uint)((col * 73856093) ^ (row * 19349663) ^ (band * 83492791) ^ seed);
            h ^= h >> 13;
            h *= 0x5bd1e995;
            h ^= h >> 15;
            return (int)(h % 3) - 1;
        }
    }
}
