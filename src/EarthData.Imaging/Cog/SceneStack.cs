using System.Globalization;
using System.Xml.Linq;
using EarthData.Core.Metadata;
using EarthData.Core.Scenes;
using EarthData.Gdal;

namespace EarthData.Imaging.Cog;

/// <summary>
/// A scene in the archive layout opened as one band stack: its files, merged INPE metadata and a VRT
/// (<c>gdalbuildvrt -separate</c>, camera band order) in a private <c>/vsimem/</c> directory, with band descriptions
/// (common names), colour interpretation and scene metadata items set. The VRT lives until <see cref="Dispose"/>.
/// Bands of different resolution are never stacked: the 2 m pan band 0 of CBERS-4A WPM is a product of its own,
/// and the default stack of WPM is the 8 m multispectral bands 1–4. Not thread-safe; open one dataset per thread.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "A stack of bands, not a Stack<T>.")]
public sealed class SceneStack : IDisposable
{
    private readonly VsiMemScope _scope;

    private SceneStack(VsiMemScope scope, SceneFiles files, SceneMetadata metadata, IReadOnlyList<BandSpec> bands, string vrtPath)
    {
        _scope = scope;
        Files = files;
        Metadata = metadata;
        Bands = bands;
        VrtPath = vrtPath;
    }

    /// <summary>The scene's band files.</summary>
    public SceneFiles Files { get; }

    /// <summary>The scene metadata merged from every band XML of the scene.</summary>
    public SceneMetadata Metadata { get; }

    /// <summary>The stacked bands, in VRT band order (VRT band i + 1 is <c>Bands[i]</c>).</summary>
    public IReadOnlyList<BandSpec> Bands { get; }

    /// <summary>The <c>/vsimem/</c> path of the digital-number VRT.</summary>
    public string VrtPath { get; }

    /// <summary>Locates a scene folder, reads its metadata and builds the band stack.</summary>
    /// <param name="sceneDirectory">A scene folder in the archive layout (named after its scene id).</param>
    /// <param name="bands">Band numbers to stack, in that order; null for the default (all bands, but only the
    /// multispectral ones where a camera also has a pan band of finer resolution).</param>
    /// <param name="cancellationToken">Stops the build.</param>
    /// <exception cref="Core.InvalidSceneException">The folder is not a scene, or band files are missing.</exception>
    /// <exception cref="ArgumentException">A requested band does not exist, is repeated, or bands of different resolution were requested together.</exception>
    public static SceneStack Open(string sceneDirectory, IReadOnlyList<int>? bands = null, CancellationToken cancellationToken = default)
    {
        var files = ArchiveLayout.Locate(sceneDirectory);
        var camera = CameraCatalog.Get(files.Id);
        var selected = SelectBands(camera, bands);
        var metadata = SceneMetadata.Read(files);
        cancellationToken.ThrowIfCancellationRequested();

        var scope = new VsiMemScope();
        try
        {
            var path = scope.GetPath(files.Id + ".vrt");
            var sources = selected.Select(b => files.Band(b.Number).TiffPath).ToArray();
            using (var vrt = GdalUtilities.BuildVrt(path, sources, ["-separate"], null, cancellationToken))
            {
                vrt.Close();
            }

            var document = XDocument.Parse(System.Text.Encoding.UTF8.GetString(VsiMem.ReadAllBytes(path)));
            Describe(document, metadata, selected);
            SimplifySources(document);
            VsiMem.WriteFile(path, System.Text.Encoding.UTF8.GetBytes(document.ToString()));
            return new SceneStack(scope, files, metadata, selected, path);
        }
        catch
        {
            scope.Dispose();
            throw;
        }
    }

    /// <summary>Opens the digital-number VRT (caller disposes; one dataset per thread).</summary>
    public GdalDataset OpenDataset() => GdalDataset.Open(VrtPath);

    /// <summary>A copy of the VRT's XML, e.g. to derive a reflectance VRT from it.</summary>
    public XDocument LoadVrt() => XDocument.Parse(System.Text.Encoding.UTF8.GetString(VsiMem.ReadAllBytes(VrtPath)));

    /// <summary>A path in this stack's private <c>/vsimem/</c> directory, deleted with the stack.</summary>
    public string GetTemporaryPath(string fileName) => _scope.GetPath(fileName);

    /// <summary>Deletes the VRT and everything else in the stack's <c>/vsimem/</c> directory.</summary>
    public void Dispose() => _scope.Dispose();

    /// <summary>The bands a stack holds by default, or the requested ones after validation.</summary>
    internal static IReadOnlyList<BandSpec> SelectBands(CameraSpec camera, IReadOnlyList<int>? requested)
    {
        if (requested is null || requested.Count == 0)
        {
            var coarsest = camera.Bands.Max(b => b.Gsd);
            return [.. camera.Bands.Where(b => b.Gsd == coarsest)];
        }

        var selected = new List<BandSpec>();
        foreach (var number in requested)
        {
            var band = camera.FindBand(number) ?? throw new ArgumentException(
                $"--bands: {camera.CollectionId} has no band {number} (it has {string.Join(", ", camera.Bands.Select(b => b.Number))})", nameof(requested));
            if (selected.Contains(band))
            {
                throw new ArgumentException($"--bands: band {number} is requested twice", nameof(requested));
            }

            selected.Add(band);
        }

        if (selected.Any(b => b.Gsd != selected[0].Gsd))
        {
            throw new ArgumentException(
                $"--bands: {string.Join(", ", selected.Select(b => $"B{b.Number} ({b.Gsd.ToString(CultureInfo.InvariantCulture)} m)"))} have different resolutions; " +
                "make one COG per resolution", nameof(requested));
        }

        return selected;
    }

    private static void Describe(XDocument document, SceneMetadata metadata, IReadOnlyList<BandSpec> bands)
    {
        var root = document.Root ?? throw new InvalidOperationException("gdalbuildvrt wrote an empty VRT.");
        CogMetadata.SetItem(root, "SCENE_ID", metadata.Id.ToString());
        CogMetadata.SetItem(root, "COLLECTION", metadata.CollectionId);
        CogMetadata.SetItem(root, "DATETIME", metadata.Datetime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        CogMetadata.SetItem(root, "SUN_ELEVATION", metadata.SunElevation.ToString("R", CultureInfo.InvariantCulture));
        CogMetadata.SetItem(root, "SUN_AZIMUTH", metadata.SunAzimuth.ToString("R", CultureInfo.InvariantCulture));
        CogMetadata.SetItem(root, "RADIOMETRY", "DN");

        var vrtBands = root.Elements("VRTRasterBand").ToList();
        for (var i = 0; i < vrtBands.Count && i < bands.Count; i++)
        {
            var band = bands[i];
            var element = vrtBands[i];
            element.SetElementValue("Description", band.CommonName);
            element.SetElementValue("ColorInterp", ColorName(band.CommonName));
            CogMetadata.SetItem(element, "BAND", band.Name);
            CogMetadata.SetItem(element, "COMMON_NAME", band.CommonName);
            CogMetadata.SetItem(element, "CENTER_WAVELENGTH", band.CenterWavelength.ToString("R", CultureInfo.InvariantCulture));
            CogMetadata.SetItem(element, "FULL_WIDTH_HALF_MAX", band.FullWidthHalfMax.ToString("R", CultureInfo.InvariantCulture));
            if (metadata.CalibrationCoefficients.TryGetValue(band.Number, out var coefficient))
            {
                CogMetadata.SetItem(element, "ABSOLUTE_CALIBRATION_COEFFICIENT", coefficient.ToString("R", CultureInfo.InvariantCulture));
            }
        }
    }

    /// <summary>
    /// Turns each band's <c>ComplexSource</c> that only repeats the band's own nodata value (what
    /// <c>gdalbuildvrt</c> writes for a source with nodata) into a <c>SimpleSource</c>. The pixels are the same — a
    /// nodata pixel copied is the band's nodata value, and the band is initialised to it where no source covers it —
    /// but GDAL reads a simple source in its own data type, where a complex source with nodata converts every pixel to
    /// float and tests it (GDAL 3.6's <c>VRTComplexSource::RasterIOInternal&lt;float&gt;</c>, 4 % of a MUX COG's CPU).
    /// </summary>
    private static void SimplifySources(XDocument document)
    {
        foreach (var band in document.Root!.Elements("VRTRasterBand"))
        {
            if (band.Element("NoDataValue")?.Value is not { } noData)
            {
                continue;
            }

            foreach (var source in band.Elements("ComplexSource"))
            {
                var onlyNoData = source.Elements().All(e => e.Name.LocalName is "SourceFilename" or "SourceBand" or "SourceProperties" or "SrcRect" or "DstRect" or "NODATA");
                if (onlyNoData && source.Element("NODATA")?.Value == noData)
                {
                    source.Name = "SimpleSource";
                    source.Element("NODATA")!.Remove();
                }
            }
        }
    }

    // GDAL 3.6 has no colour interpretation for near infrared; it stays Undefined and the description says "nir".
    private static string ColorName(string commonName) => commonName switch
    {
        "blue" => "Blue",
        "green" => "Green",
        "red" => "Red",
        "pan" => "Gray",
        _ => "Undefined",
    };
}
