using System.Globalization;

namespace EarthData.Core.Scenes;

/// <summary>
/// The CBERS archive folder layout: <c>{root}/CBERS4[A]/{CAMERA}/{PPP}/{RRR}/{SCENE_ID}/{SCENE_ID}_BAND{n}.tif|.xml</c>,
/// one GeoTIFF per band and one INPE XML per band — or fewer: real mirrors often carry one XML per scene, and every
/// INPE XML lists the calibration of every band. Uses the local file system; stateless and thread-safe.
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

    /// <summary>
    /// Finds the band files of the scene folder: the band GeoTIFFs decide which bands exist (every band of the camera
    /// must have one), and each band is described by its own INPE XML or, without one, by the scene's XML of the
    /// lowest band; files that are not bands of the scene are ignored.
    /// </summary>
    /// <param name="sceneDirectory">A folder named after its scene id.</param>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="InvalidSceneException">The folder name is not a scene id, a band lacks its .tif, or the folder has no INPE XML of any band (all missing files are named).</exception>
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
        var cameraBands = CameraCatalog.Get(id).Bands;
        var missing = Missing(id, present);
        var xmlNames = cameraBands.Select(b => id.BandFileName(b.Number, XmlExtension)).ToList();
        var fallback = xmlNames.FirstOrDefault(present.Contains);
        if (missing.Count > 0)
        {
            throw new InvalidSceneException(
                $"{id}: scene folder '{directory.FullName}' lacks {string.Join(", ", missing)}", missing[0], null, id.ToString());
        }

        var bands = new List<BandFiles>();
        for (var i = 0; i < cameraBands.Count; i++)
        {
            var xml = present.Contains(xmlNames[i]) ? xmlNames[i] : fallback!;
            bands.Add(new BandFiles(cameraBands[i].Number, Path.Combine(directory.FullName, id.BandFileName(cameraBands[i].Number, TiffExtension)),
                Path.Combine(directory.FullName, xml)));
        }

        return new SceneFiles(id, directory.FullName, bands);
    }

    /// <summary>
    /// What a scene folder holding the files <paramref name="present"/> lacks: each band GeoTIFF of the camera that is
    /// missing, and "an INPE XML (…)" when no band has one; empty when the scene is complete.
    /// </summary>
    public static IReadOnlyList<string> Missing(SceneId id, IReadOnlySet<string> present)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(present);
        var cameraBands = CameraCatalog.Get(id).Bands;
        var missing = cameraBands.Select(b => id.BandFileName(b.Number, TiffExtension)).Where(tif => !present.Contains(tif)).ToList();
        var xmlNames = cameraBands.Select(b => id.BandFileName(b.Number, XmlExtension)).ToList();
        if (!xmlNames.Any(present.Contains))
        {
            missing.Add($"an INPE XML ({string.Join(" or ", xmlNames)})");
        }

        return missing;
    }

    /// <summary>The names of every file a scene folder may hold: each band's GeoTIFF and INPE XML.</summary>
    public static IReadOnlySet<string> FileNames(SceneId id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return CameraCatalog.Get(id).Bands
            .SelectMany(b => new[] { id.BandFileName(b.Number, TiffExtension), id.BandFileName(b.Number, XmlExtension) })
            .ToHashSet(StringComparer.Ordinal);
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
