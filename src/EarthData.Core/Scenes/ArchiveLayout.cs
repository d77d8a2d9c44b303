using System.Globalization;

namespace EarthData.Core.Scenes;

/// <summary>
/// The CBERS archive folder layout: <c>{root}/CBERS4[A]/{CAMERA}/{PPP}/{RRR}/{SCENE_ID}/{SCENE_ID}_BAND{n}.tif|.xml</c>,
/// one GeoTIFF and one INPE XML per band. Uses the local file system; stateless and thread-safe.
/// </summary>
public static class ArchiveLayout
{
    /// <summary>The extension of band rasters.</summary>
    public const string TiffExtension = "tif";

    /// <summary>The extension of band metadata.</summary>
    public const string XmlExtension = "xml";

    /// <summary>The folder of a scene under <paramref name="root"/>.</summary>
    public static string SceneDirectory(string root, SceneId id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        ArgumentNullException.ThrowIfNull(id);
        return Path.Combine([root, .. id.ArchiveDirectory.Split('/')]);
    }

    /// <summary>Finds the band files of the scene folder; files that are not bands of the scene are ignored.</summary>
    /// <param name="sceneDirectory">A folder named after its scene id.</param>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="InvalidSceneException">The folder name is not a scene id, or a band lacks its .tif or .xml (all missing files are named).</exception>
    public static SceneFiles Locate(string sceneDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sceneDirectory);
        var directory = new DirectoryInfo(Path.TrimEndingDirectorySeparator(Path.GetFullPath(sceneDirectory)));
        if (!directory.Exists)
        {
            throw new DirectoryNotFoundException($"Scene folder '{directory.FullName}' does not exist.");
        }

        SceneId id;
        try
        {
            id = SceneId.Parse(directory.Name);
        }
        catch (InvalidSceneIdException ex)
        {
            throw new InvalidSceneException(
                $"{directory.FullName}: folder name is not a scene id: {ex.Message}", directory.FullName, null, null, ex);
        }

        var present = new HashSet<string>(directory.EnumerateFiles().Select(f => f.Name), StringComparer.Ordinal);
        var bands = new List<BandFiles>();
        var missing = new List<string>();
        foreach (var band in CameraCatalog.Get(id).Bands)
        {
            var tif = id.BandFileName(band.Number, TiffExtension);
            var xml = id.BandFileName(band.Number, XmlExtension);
            if (!present.Contains(tif))
            {
                missing.Add(tif);
            }

            if (!present.Contains(xml))
            {
                missing.Add(xml);
            }

            bands.Add(new BandFiles(band.Number, Path.Combine(directory.FullName, tif), Path.Combine(directory.FullName, xml)));
        }

        if (missing.Count > 0)
        {
            throw new InvalidSceneException(
                $"{id}: scene folder '{directory.FullName}' lacks {string.Join(", ", missing)}", missing[0], null, id.ToString());
        }

        return new SceneFiles(id, directory.FullName, bands);
    }

    /// <summary>
    /// Enumerates the scene folders under <paramref name="root"/> whose names are scene ids and whose parent folders
    /// agree with the id (satellite, camera, path, row); other folders are skipped. Ordered by path, ordinal.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The root does not exist.</exception>
    public static IEnumerable<SceneId> Discover(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"Archive root '{root}' does not exist.");
        }

        return DiscoverCore(root);
    }

    private static IEnumerable<SceneId> DiscoverCore(string root)
    {
        foreach (var satellite in Enum.GetValues<CbersSatellite>())
        {
            foreach (var camera in Sorted(Path.Combine(root, CbersNames.SatelliteFolder(satellite))))
            {
                foreach (var path in Sorted(camera))
                {
                    foreach (var row in Sorted(path))
                    {
                        foreach (var scene in Sorted(row))
                        {
                            if (SceneId.TryParse(Path.GetFileName(scene), out var id) && id.Satellite == satellite &&
                                Path.GetFileName(camera) == CbersNames.CameraToken(id.Camera) &&
                                Path.GetFileName(path) == Three(id.Path) && Path.GetFileName(row) == Three(id.Row))
                            {
                                yield return id;
                            }
                        }
                    }
                }
            }
        }
    }

    private static string[] Sorted(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var children = Directory.GetDirectories(directory);
        Array.Sort(children, StringComparer.Ordinal);
        return children;
    }

    private static string Three(int value) => value.ToString("000", CultureInfo.InvariantCulture);
}
