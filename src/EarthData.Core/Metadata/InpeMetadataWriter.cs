using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using EarthData.Core.Scenes;

namespace EarthData.Core.Metadata;

/// <summary>
/// Writes <see cref="InpeBandMetadata"/> as INPE-style XML: root <c>prdf</c> in namespace
/// <c>http://www.gisplan.com.br/xmlsat</c> with the element names and nesting of the real archive files
/// (a subset of their elements), so that <see cref="InpeMetadataReader"/> reads it back unchanged. Thread-safe.
/// </summary>
public static class InpeMetadataWriter
{
    private static readonly XNamespace Ns = InpeXmlContext.Ns;

    /// <summary>Builds the XML document.</summary>
    public static XDocument ToXDocument(InpeBandMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var root = new XElement(Ns + "prdf");
        if (metadata.Cameras.Count == 1 && metadata.Cameras[0].Optics == Optics.None)
        {
            root.Add(Block(metadata.Cameras[0], metadata.Band));
        }
        else
        {
            foreach (var camera in metadata.Cameras)
            {
                var name = camera.Optics switch
                {
                    Optics.Left => "leftCamera",
                    Optics.Right => "rightCamera",
                    _ => throw new ArgumentException("Multi-head metadata needs Left/Right optics on every camera block.", nameof(metadata)),
                };
                root.Add(new XElement(Ns + name, Block(camera, metadata.Band)));
            }
        }

        return new XDocument(new XDeclaration("1.0", "UTF-8", "no"), root);
    }

    /// <summary>Writes the XML (UTF-8, indented) to a stream, which stays open.</summary>
    public static void Write(InpeBandMetadata metadata, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, IndentChars = "  ", CloseOutput = false };
        using var writer = XmlWriter.Create(stream, settings);
        ToXDocument(metadata).Save(writer);
    }

    /// <summary>Writes the XML to a file, replacing it.</summary>
    public static void WriteFile(InpeBandMetadata metadata, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = File.Create(path);
        Write(metadata, stream);
    }

    private static object[] Block(OpticsMetadata camera, int band)
    {
        var image = new XElement(
            Ns + "image",
            Leaf("level", camera.Level),
            Leaf("columns", camera.Columns),
            Leaf("lines", camera.Lines),
            Leaf("verticalPixelSize", camera.VerticalPixelSize),
            Leaf("horizontalPixelSize", camera.HorizontalPixelSize),
            camera.OrbitDirection is null ? null : Leaf("orbitDirection", camera.OrbitDirection),
            camera.ImageTimeStamp is null ? null : Window("timeStamp", camera.ImageTimeStamp),
            Leaf("path", camera.Path),
            Leaf("row", camera.Row),
            new XElement(Ns + "sunPosition", Leaf("elevation", camera.SunElevation), Leaf("sunAzimuth", camera.SunAzimuth)),
            camera.AbsoluteCalibrationCoefficients.Count == 0 ? null : new XElement(
                Ns + "absoluteCalibrationCoefficient",
                camera.AbsoluteCalibrationCoefficients.OrderBy(p => p.Key).Select(p => new XElement(
                    Ns + "band", new XAttribute("name", p.Key.ToString(CultureInfo.InvariantCulture)), Format(p.Value)))),
            Corners("boundingBox", camera.BoundingBox),
            Corners("imageData", camera.ImageData),
            camera.Roll is { } roll ? new XElement(Ns + "attitudes", new XElement(Ns + "attitude", Leaf("roll", roll))) : null,
            Leaf("datumName", camera.Projection.DatumName),
            Leaf("projectionName", camera.Projection.ProjectionName),
            Leaf("originLongitude", camera.Projection.OriginLongitude),
            Leaf("originLatitude", camera.Projection.OriginLatitude),
            Leaf("scaleFactor", camera.Projection.ScaleFactor),
            Leaf("falseEasting", camera.Projection.FalseEasting),
            Leaf("falseNorthing", camera.Projection.FalseNorthing),
            Leaf("band" + band.ToString(CultureInfo.InvariantCulture), camera.BandFilePath ?? string.Empty));

        return
        [
            new XElement(
                Ns + "satellite",
                Leaf("name", camera.SatelliteName),
                Leaf("number", camera.SatelliteNumber),
                new XElement(Ns + "instrument", new XAttribute("channel", "1"), camera.Instrument)),
            new XElement(Ns + "availableBands", camera.AvailableBands.Select(b => Leaf("band", b))),
            Window("viewing", camera.Viewing),
            image,
        ];
    }

    private static XElement Window(string name, AcquisitionWindow window) =>
        new(Ns + name, Leaf("begin", Format(window.Begin)), Leaf("center", Format(window.Center)), Leaf("end", Format(window.End)));

    private static XElement Corners(string name, CornerSet corners) => new(
        Ns + name,
        Corner("UL", corners.UpperLeft),
        Corner("UR", corners.UpperRight),
        Corner("LR", corners.LowerRight),
        Corner("LL", corners.LowerLeft),
        Corner("CT", corners.Center));

    private static XElement Corner(string name, ImageCorner corner) => new(
        Ns + name,
        Leaf("line", corner.Line),
        Leaf("column", corner.Column),
        Leaf("latitude", corner.Latitude),
        Leaf("longitude", corner.Longitude),
        Leaf("northing", corner.Northing),
        Leaf("easting", corner.Easting));

    private static XElement Leaf(string name, string value) => new(Ns + name, value);

    private static XElement Leaf(string name, double value) => new(Ns + name, Format(value));

    private static XElement Leaf(string name, int value) => new(Ns + name, value.ToString(CultureInfo.InvariantCulture));

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    // INPE writes times without a zone designator; they are UTC.
    private static string Format(DateTime value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
}
