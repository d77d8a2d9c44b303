using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using EarthData.Core.Scenes;

namespace EarthData.Core.Metadata;

/// <summary>
/// Reads INPE per-band metadata files (root <c>prdf</c>, namespace <c>http://www.gisplan.com.br/xmlsat</c>),
/// including the <c>leftCamera</c>/<c>rightCamera</c> layout of CBERS-4A WFI. DTDs are refused.
/// Every failure is an <see cref="InvalidSceneException"/> naming the source and the element. Thread-safe.
/// </summary>
public static partial class InpeMetadataReader
{
    /// <summary>Reads one metadata file.</summary>
    /// <param name="path">Path of the XML file; its file name is used in error messages.</param>
    /// <exception cref="InvalidSceneException">The file is malformed, incomplete or inconsistent.</exception>
    public static InpeBandMetadata ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = File.OpenRead(path);
        return Read(stream, Path.GetFileName(path));
    }

    /// <summary>Reads metadata from a stream (read to its end; not disposed).</summary>
    /// <param name="stream">The XML content.</param>
    /// <param name="sourceName">Name used in error messages and as <see cref="InpeBandMetadata.SourceName"/>, normally the file name.</param>
    /// <exception cref="InvalidSceneException">The content is malformed, incomplete or inconsistent.</exception>
    public static InpeBandMetadata Read(Stream stream, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);

        // Buffer so that a malformed document can be scanned a second time to say where it broke.
        var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Parse(Load(buffer.ToArray(), sourceName), new InpeXmlContext(sourceName));
    }

    private static XDocument Load(byte[] content, string sourceName)
    {
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(content, writable: false), Settings());
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            var element = LocateFailure(content);
            var where = element is null ? string.Empty : $" inside element '{element}'";
            throw new InvalidSceneException(
                $"{sourceName}: XML is malformed at line {ex.LineNumber}{where}: {ex.Message}", sourceName, element, null, ex)
            {
                LineNumber = ex.LineNumber,
            };
        }
    }

    private static XmlReaderSettings Settings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    /// <summary>The element path that was open when parsing failed, or null.</summary>
    private static string? LocateFailure(byte[] content)
    {
        var open = new List<string>();
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(content, writable: false), Settings());
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    while (open.Count > reader.Depth)
                    {
                        open.RemoveAt(open.Count - 1);
                    }

                    if (!reader.IsEmptyElement)
                    {
                        open.Add(reader.LocalName);
                    }
                }
                else if (reader.NodeType == XmlNodeType.EndElement && open.Count > 0)
                {
                    open.RemoveAt(open.Count - 1);
                }
            }
        }
        catch (XmlException)
        {
            return open.Count > 0 ? string.Join('/', open) : null;
        }

        return null;
    }

    private static InpeBandMetadata Parse(XDocument document, InpeXmlContext xml)
    {
        var root = document.Root;
        if (root is null || root.Name != InpeXmlContext.Ns + "prdf")
        {
            var found = root is null ? "no root element" : $"root element '{root.Name.LocalName}' in namespace '{root.Name.NamespaceName}'";
            throw new InvalidSceneException(
                $"{xml.SourceName}: element 'prdf' in namespace '{InpeXmlContext.Ns}' is missing ({found})", xml.SourceName, "prdf", null);
        }

        List<OpticsMetadata> cameras;
        if (root.Element(InpeXmlContext.Ns + "leftCamera") is { } left)
        {
            cameras = [ReadOptics(left, Optics.Left, xml), ReadOptics(xml.Required(root, "rightCamera"), Optics.Right, xml)];
        }
        else
        {
            cameras = [ReadOptics(root, Optics.None, xml)];
        }

        var primary = cameras[0];
        var primaryElement = root.Element(InpeXmlContext.Ns + "leftCamera") ?? root;
        var sceneId = DeriveSceneId(primary, primaryElement, xml);
        xml.SceneId = sceneId.ToString();
        var band = DeriveBand(primaryElement, sceneId, xml);
        return new InpeBandMetadata { SourceName = xml.SourceName, SceneId = sceneId, Band = band, Cameras = cameras };
    }

    private static OpticsMetadata ReadOptics(XElement block, Optics optics, InpeXmlContext xml)
    {
        var image = xml.Required(block, "image");
        var timeStamp = InpeXmlContext.Optional(image, "timeStamp");
        var firstAttitude = InpeXmlContext.Optional(image, "attitudes/attitude");
        var roll = firstAttitude is null ? null : InpeXmlContext.Optional(firstAttitude, "roll");
        return new OpticsMetadata
        {
            Optics = optics,
            SatelliteName = xml.Text(block, "satellite/name"),
            SatelliteNumber = xml.Text(block, "satellite/number"),
            Instrument = xml.Text(block, "satellite/instrument"),
            AvailableBands = [.. (InpeXmlContext.Optional(block, "availableBands")?.Elements(InpeXmlContext.Ns + "band") ?? []).Select(b => (int)xml.ToDouble(b))],
            Viewing = Window(block, "viewing", xml),
            ImageTimeStamp = timeStamp is null ? null : Window(image, "timeStamp", xml),
            Level = xml.Text(image, "level"),
            Columns = xml.Int(image, "columns"),
            Lines = xml.Int(image, "lines"),
            HorizontalPixelSize = xml.Double(image, "horizontalPixelSize"),
            VerticalPixelSize = xml.Double(image, "verticalPixelSize"),
            OrbitDirection = InpeXmlContext.Optional(image, "orbitDirection")?.Value.Trim(),
            Path = xml.Int(image, "path"),
            Row = xml.Int(image, "row"),
            SunElevation = xml.Double(image, "sunPosition/elevation"),
            SunAzimuth = xml.Double(image, "sunPosition/sunAzimuth"),
            Roll = roll is null ? null : xml.ToDouble(roll),
            BoundingBox = Corners(xml.Required(image, "boundingBox"), xml),
            ImageData = Corners(xml.Required(image, "imageData"), xml),
            Projection = new UtmProjection(
                xml.Text(image, "projectionName"),
                InpeXmlContext.Optional(image, "datumName")?.Value.Trim() ?? "WGS84",
                xml.Double(image, "originLongitude"),
                OptionalDouble(image, "originLatitude", 0, xml),
                OptionalDouble(image, "scaleFactor", 0.9996, xml),
                OptionalDouble(image, "falseEasting", 500_000, xml),
                xml.Double(image, "falseNorthing")),
            AbsoluteCalibrationCoefficients = BandValues(InpeXmlContext.Optional(image, "absoluteCalibrationCoefficient"), xml),
            BandFilePath = BandElement(image)?.Value.Trim(),
        };
    }

    private static AcquisitionWindow Window(XElement parent, string name, InpeXmlContext xml)
    {
        var element = xml.Required(parent, name);
        return new AcquisitionWindow(xml.Time(element, "begin"), xml.Time(element, "center"), xml.Time(element, "end"));
    }

    private static CornerSet Corners(XElement set, InpeXmlContext xml) =>
        new(Corner(set, "UL", xml), Corner(set, "UR", xml), Corner(set, "LR", xml), Corner(set, "LL", xml), Corner(set, "CT", xml));

    private static ImageCorner Corner(XElement set, string name, InpeXmlContext xml)
    {
        var corner = xml.Required(set, name);
        return new ImageCorner(
            xml.Double(corner, "line"),
            xml.Double(corner, "column"),
            xml.Double(corner, "latitude"),
            xml.Double(corner, "longitude"),
            xml.Double(corner, "northing"),
            xml.Double(corner, "easting"));
    }

    private static double OptionalDouble(XElement parent, string name, double fallback, InpeXmlContext xml) =>
        InpeXmlContext.Optional(parent, name) is { } element ? xml.ToDouble(element) : fallback;

    private static Dictionary<int, double> BandValues(XElement? list, InpeXmlContext xml)
    {
        var values = new Dictionary<int, double>();
        foreach (var band in list?.Elements(InpeXmlContext.Ns + "band") ?? [])
        {
            var name = (string?)band.Attribute("name");
            if (!int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                throw xml.Invalid(band, $"attribute 'name' value '{name}' is not a band number");
            }

            values[number] = xml.ToDouble(band);
        }

        return values;
    }

    private static XElement? BandElement(XElement image) =>
        image.Elements().FirstOrDefault(e => e.Name.Namespace == InpeXmlContext.Ns && BandElementName().IsMatch(e.Name.LocalName));

    private static SceneId DeriveSceneId(OpticsMetadata primary, XElement block, InpeXmlContext xml)
    {
        if (!CbersNames.TryParseSatellite(primary.SatelliteNumber, out var satellite))
        {
            throw xml.Invalid(xml.Required(block, "satellite/number"), $"value '{primary.SatelliteNumber}' is not a CBERS satellite (4 or 4A)");
        }

        if (!CbersNames.TryParseCamera(primary.Instrument, out var camera) || !CbersNames.Carries(satellite, camera))
        {
            throw xml.Invalid(
                xml.Required(block, "satellite/instrument"),
                $"value '{primary.Instrument}' is not a camera of CBERS{primary.SatelliteNumber} ({CbersNames.CamerasOf(satellite)})");
        }

        var image = xml.Required(block, "image");
        if (!CbersNames.TryParseLevel("L" + primary.Level, out var level))
        {
            throw xml.Invalid(xml.Required(image, "level"), $"value '{primary.Level}' is not a processing level (2, 2B, 3, 4)");
        }

        if (primary.Path is < 0 or > 999 || primary.Row is < 0 or > 999)
        {
            throw xml.Invalid(xml.Required(image, primary.Path is < 0 or > 999 ? "path" : "row"), "is outside 0–999");
        }

        var derived = new SceneId(satellite, camera, DateOnly.FromDateTime(primary.Viewing.Center), primary.Path, primary.Row, level);

        // INPE's XML has no optics field: a per-optics file of a two-headed camera says so only in its name.
        return BandFileName.TryParse(Path.GetFileName(xml.SourceName), out var fileName) &&
            fileName.SceneId.Optics != Optics.None && fileName.SceneId.WithoutOptics() == derived
            ? fileName.SceneId
            : derived;
    }

    private static int DeriveBand(XElement block, SceneId sceneId, InpeXmlContext xml)
    {
        var image = xml.Required(block, "image");
        var spec = CameraCatalog.Get(sceneId);
        int band;
        if (BandElement(image) is { } element)
        {
            band = int.Parse(element.Name.LocalName.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture);
            if (spec.FindBand(band) is null)
            {
                throw xml.Invalid(element, $"names band {band}, which {spec.CollectionId} does not have");
            }
        }
        else if (BandFileName.TryParse(Path.GetFileName(xml.SourceName), out var fileName) && spec.FindBand(fileName.Band) is not null)
        {
            band = fileName.Band;
        }
        else
        {
            throw xml.Missing(image, "band{n}");
        }

        return band;
    }

    [GeneratedRegex("^band[0-9]{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex BandElementName();
}
