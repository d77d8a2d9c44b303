using System.Globalization;
using System.Text;
using System.Xml;
using EarthData.Core.Tiling;

namespace EarthData.Server.Tiles;

/// <summary>
/// OGC WMTS 1.0.0 GetCapabilities documents (RESTful, <c>ResourceURL</c> templates) for item layers on the
/// GoogleMapsCompatible tile matrix set (EPSG:3857, 256 px tiles, zoom = tile matrix identifier).
/// </summary>
internal static class WmtsCapabilitiesWriter
{
    /// <summary>The tile matrix set identifier.</summary>
    public const string TileMatrixSet = "GoogleMapsCompatible";

    private const string Wmts = "http://www.opengis.net/wmts/1.0";
    private const string Ows = "http://www.opengis.net/ows/1.1";
    private const string XLink = "http://www.w3.org/1999/xlink";

    // OGC's standardised rendering pixel size (0.28 mm) turns resolutions into scale denominators.
    private const double PixelSizeMetres = 0.00028;

    /// <summary>One layer of the document.</summary>
    /// <param name="Identifier">The layer identifier clients select.</param>
    /// <param name="Title">Its title.</param>
    /// <param name="Set">The item it belongs to.</param>
    /// <param name="MediaType">Tile media type.</param>
    /// <param name="Template">The ResourceURL template.</param>
    public sealed record Layer(string Identifier, string Title, ItemTileSet Set, string MediaType, string Template);

    /// <summary>Writes the capabilities of <paramref name="layers"/>; the tile matrix set spans zoom 0 to the finest zoom of any layer.</summary>
    public static string Write(string title, string capabilitiesUrl, IReadOnlyList<Layer> layers)
    {
        var maxZoom = layers.Count == 0 ? 0 : layers.Max(l => l.Set.MaxZoom);
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), Async = false };
        var builder = new StringBuilder();
        using (var xml = XmlWriter.Create(builder, settings))
        {
            xml.WriteStartElement("Capabilities", Wmts);
            xml.WriteAttributeString("xmlns", "ows", null, Ows);
            xml.WriteAttributeString("xmlns", "xlink", null, XLink);
            xml.WriteAttributeString("version", "1.0.0");
            xml.WriteStartElement("ServiceIdentification", Ows);
            xml.WriteElementString("Title", Ows, title);
            xml.WriteElementString("ServiceType", Ows, "OGC WMTS");
            xml.WriteElementString("ServiceTypeVersion", Ows, "1.0.0");
            xml.WriteEndElement();
            xml.WriteStartElement("Contents", Wmts);
            foreach (var layer in layers)
            {
                WriteLayer(xml, layer);
            }

            WriteTileMatrixSet(xml, maxZoom);
            xml.WriteEndElement();
            xml.WriteStartElement("ServiceMetadataURL", Wmts);
            xml.WriteAttributeString("href", XLink, capabilitiesUrl);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        return builder.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    private static void WriteLayer(XmlWriter xml, Layer layer)
    {
        var set = layer.Set;
        xml.WriteStartElement("Layer", Wmts);
        xml.WriteElementString("Title", Ows, layer.Title);
        var (west, south, east, north) = set.Bounds;
        xml.WriteStartElement("WGS84BoundingBox", Ows);
        xml.WriteElementString("LowerCorner", Ows, Pair(west, south));
        xml.WriteElementString("UpperCorner", Ows, Pair(east, north));
        xml.WriteEndElement();
        if (set.Limits.TryGetValue(set.MaxZoom, out var finest))
        {
            // The written tiles' extent at the finest zoom: GDAL's WMTS driver takes the raster extent from it, so its
            // pixels fall exactly on the tiles'.
            var span = WebMercatorQuad.TileSpan(set.MaxZoom);
            xml.WriteStartElement("BoundingBox", Ows);
            xml.WriteAttributeString("crs", "urn:ogc:def:crs:EPSG::3857");
            xml.WriteElementString("LowerCorner", Ows, Pair((finest.MinCol * span) - WebMercatorQuad.OriginShift, WebMercatorQuad.OriginShift - ((finest.MaxRow + 1) * span)));
            xml.WriteElementString("UpperCorner", Ows, Pair(((finest.MaxCol + 1) * span) - WebMercatorQuad.OriginShift, WebMercatorQuad.OriginShift - (finest.MinRow * span)));
            xml.WriteEndElement();
        }

        xml.WriteElementString("Identifier", Ows, layer.Identifier);
        xml.WriteStartElement("Style", Wmts);
        xml.WriteAttributeString("isDefault", "true");
        xml.WriteElementString("Identifier", Ows, "default");
        xml.WriteEndElement();
        xml.WriteElementString("Format", Wmts, layer.MediaType);
        xml.WriteStartElement("TileMatrixSetLink", Wmts);
        xml.WriteElementString("TileMatrixSet", Wmts, TileMatrixSet);
        xml.WriteStartElement("TileMatrixSetLimits", Wmts);
        foreach (var (zoom, limits) in set.Limits.OrderBy(l => l.Key))
        {
            xml.WriteStartElement("TileMatrixLimits", Wmts);
            xml.WriteElementString("TileMatrix", Wmts, Number(zoom));
            xml.WriteElementString("MinTileRow", Wmts, Number(limits.MinRow));
            xml.WriteElementString("MaxTileRow", Wmts, Number(limits.MaxRow));
            xml.WriteElementString("MinTileCol", Wmts, Number(limits.MinCol));
            xml.WriteElementString("MaxTileCol", Wmts, Number(limits.MaxCol));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement("ResourceURL", Wmts);
        xml.WriteAttributeString("format", layer.MediaType);
        xml.WriteAttributeString("resourceType", "tile");
        xml.WriteAttributeString("template", layer.Template);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteTileMatrixSet(XmlWriter xml, int maxZoom)
    {
        xml.WriteStartElement("TileMatrixSet", Wmts);
        xml.WriteElementString("Identifier", Ows, TileMatrixSet);
        xml.WriteElementString("SupportedCRS", Ows, "urn:ogc:def:crs:EPSG::3857");
        xml.WriteElementString("WellKnownScaleSet", Wmts, "urn:ogc:def:wkss:OGC:1.0:GoogleMapsCompatible");
        for (var z = 0; z <= maxZoom; z++)
        {
            xml.WriteStartElement("TileMatrix", Wmts);
            xml.WriteElementString("Identifier", Ows, Number(z));
            xml.WriteElementString("ScaleDenominator", Wmts, (WebMercatorQuad.Resolution(z) / PixelSizeMetres).ToString("R", CultureInfo.InvariantCulture));
            xml.WriteElementString("TopLeftCorner", Wmts, Pair(-WebMercatorQuad.OriginShift, WebMercatorQuad.OriginShift));
            xml.WriteElementString("TileWidth", Wmts, Number(WebMercatorQuad.TileSize));
            xml.WriteElementString("TileHeight", Wmts, Number(WebMercatorQuad.TileSize));
            xml.WriteElementString("MatrixWidth", Wmts, Number(1 << z));
            xml.WriteElementString("MatrixHeight", Wmts, Number(1 << z));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static string Pair(double a, double b) => string.Create(CultureInfo.InvariantCulture, $"{a:R} {b:R}");

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
