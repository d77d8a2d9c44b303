using EarthData.Core;
using EarthData.Core.Metadata;
using EarthData.Core.Scenes;
using EarthData.Gdal;

namespace EarthData.Jobs.Stages;

/// <summary>
/// Checks a scene folder before anything is made from it: every band's TIFF and XML present, the XML readable, each
/// TIFF opens in GDAL with the camera's data type, one size for all bands of one resolution, and a CRS that agrees
/// with the metadata's UTM zone. Every failure is an <see cref="InvalidSceneException"/> (the scene is rejected).
/// </summary>
public static class SceneVerifier
{
    /// <summary>Verifies the folder; returns its files and merged metadata.</summary>
    /// <exception cref="InvalidSceneException">The scene is invalid; the message says which file and why.</exception>
    public static (SceneFiles Files, SceneMetadata Metadata) Verify(string sceneDirectory, CancellationToken cancellationToken = default)
    {
        var files = ArchiveLayout.Locate(sceneDirectory);
        var metadata = SceneMetadata.Read(files);
        var id = files.Id.ToString();
        var sizes = new Dictionary<double, (int Width, int Height)>();
        foreach (var band in files.Bands)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var spec = metadata.Camera.Band(band.Band);
            var name = Path.GetFileName(band.TiffPath);
            try
            {
                using var dataset = GdalDataset.Open(band.TiffPath);
                if (dataset.BandCount != 1)
                {
                    throw Invalid(id, name, $"has {dataset.BandCount} bands; a CBERS band file has one");
                }

                var raster = dataset.GetBand(1);
                var expected = spec.SampleType == SampleType.Byte ? GdalDataType.Byte : GdalDataType.Int16;
                if (raster.DataType != expected && !(expected == GdalDataType.Int16 && raster.DataType == GdalDataType.UInt16))
                {
                    throw Invalid(id, name, $"is {raster.DataType}; band {band.Band} of {metadata.CollectionId} is {spec.SampleType}");
                }

                using var crs = dataset.GetSpatialReference() ?? throw Invalid(id, name, "has no coordinate reference system");
                if (crs.Epsg is { } epsg && epsg != metadata.Epsg)
                {
                    throw Invalid(id, name, $"is in EPSG:{epsg}, but its metadata says UTM zone {metadata.UtmZone} (EPSG:{metadata.Epsg})");
                }

                if (sizes.TryGetValue(spec.Gsd, out var size) && size != (dataset.Width, dataset.Height))
                {
                    throw Invalid(id, name, $"is {dataset.Width}x{dataset.Height}; other {spec.Gsd} m bands are {size.Width}x{size.Height}");
                }

                sizes[spec.Gsd] = (dataset.Width, dataset.Height);
            }
            catch (GdalException ex)
            {
                throw new InvalidSceneException($"{id}: {name} is not a readable GeoTIFF: {ex.Message}", name, null, id, ex);
            }
        }

        return (files, metadata);
    }

    private static InvalidSceneException Invalid(string id, string file, string problem) => new($"{id}: {file} {problem}", file, null, id);
}
