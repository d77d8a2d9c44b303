using System.Text.Json.Nodes;
using EarthData.Core.Stac;

namespace EarthData.Server.Tiles;

/// <summary>
/// The web-map links of an item in API responses (STAC web-map-links conventions, as stac-browser and TiTiler users
/// expect): one <c>xyz</c> and one <c>tilejson</c> link per pre-rendered layer, and one <c>wmts</c> link to the item's
/// capabilities naming its layers.
/// </summary>
internal static class TileLinks
{
    /// <summary>Appends the links of <paramref name="item"/>'s layers to <paramref name="links"/> (none without a pyramid).</summary>
    public static void AddTo(JsonArray links, StacItem item, TileUrls urls)
    {
        var set = ItemTileSet.From(item);
        if (set.Layers.Count == 0)
        {
            return;
        }

        var names = new JsonArray();
        foreach (var layer in set.Layers)
        {
            var title = layer.Title ?? layer.Name;
            links.Add(new JsonObject
            {
                ["rel"] = "xyz",
                ["href"] = urls.Template(set.Collection, set.ItemId, layer.Name, layer.Extension),
                ["type"] = layer.MediaType,
                ["title"] = title,
            });
            links.Add(new JsonObject
            {
                ["rel"] = "tilejson",
                ["href"] = urls.TileJson(set.Collection, set.ItemId, layer.Name),
                ["type"] = "application/json",
                ["title"] = title,
            });
            names.Add(layer.Name);
        }

        links.Add(new JsonObject
        {
            ["rel"] = "wmts",
            ["href"] = urls.ItemCapabilities(set.Collection, set.ItemId),
            ["type"] = "application/xml",
            ["title"] = "OGC WMTS 1.0 capabilities",
            ["wmts:layer"] = names,
        });
    }
}
