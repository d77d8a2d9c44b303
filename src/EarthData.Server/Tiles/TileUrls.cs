using EarthData.Server.Http;

namespace EarthData.Server.Tiles;

/// <summary>The public URLs of the tile endpoints (one owner for their shape; <see cref="PublicUrls"/> makes them absolute).</summary>
internal sealed class TileUrls(PublicUrls urls)
{
    /// <summary>The XYZ template of an item layer: <c>…/tiles/{collection}/{item}/{layer}/{z}/{x}/{y}.{ext}</c>, plus an optional query.</summary>
    public string Template(string collection, string item, string layer, string extension = "png", string? query = null) =>
        Prefix(collection, item) + $"/{Uri.EscapeDataString(layer)}/{{z}}/{{x}}/{{y}}.{extension}{query}";

    /// <summary>The WMTS REST template of an item layer (<c>{TileMatrix}/{TileCol}/{TileRow}</c>).</summary>
    public string WmtsTemplate(string collection, string item, string layer, string extension = "png") =>
        Prefix(collection, item) + $"/{Uri.EscapeDataString(layer)}/{{TileMatrix}}/{{TileCol}}/{{TileRow}}.{extension}";

    /// <summary>The TileJSON document of an item layer.</summary>
    public string TileJson(string collection, string item, string layer) => Prefix(collection, item) + $"/{Uri.EscapeDataString(layer)}/tilejson.json";

    /// <summary>The legend of an item layer (<c>json</c> or <c>png</c>), plus an optional query.</summary>
    public string LayerLegend(string collection, string item, string layer, string extension, string? query = null) =>
        Prefix(collection, item) + $"/{Uri.EscapeDataString(layer)}/legend.{extension}{query}";

    /// <summary>The legend of a named colour map (<c>json</c> or <c>png</c>).</summary>
    public string Legend(string colormap, string extension) => urls.Url($"/tiles/legends/{Uri.EscapeDataString(colormap)}.{extension}");

    /// <summary>The XYZ template of a collection mosaic, plus an optional query.</summary>
    public string MosaicTemplate(string collection, string layer, string extension = "png", string? query = null) =>
        urls.Url($"/tiles/collections/{Uri.EscapeDataString(collection)}/{Uri.EscapeDataString(layer)}/{{z}}/{{x}}/{{y}}.{extension}{query}");

    /// <summary>The WMTS capabilities of one item.</summary>
    public string ItemCapabilities(string collection, string item) => Prefix(collection, item) + "/WMTSCapabilities.xml";

    /// <summary>The WMTS capabilities of every published layer.</summary>
    public string Capabilities() => urls.Url("/tiles/WMTSCapabilities.xml");

    private string Prefix(string collection, string item) =>
        urls.Url($"/tiles/{Uri.EscapeDataString(collection)}/{Uri.EscapeDataString(item)}");
}
