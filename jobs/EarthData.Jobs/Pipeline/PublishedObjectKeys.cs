using EarthData.Core.Storage;
using EarthData.Imaging.Tiling;

namespace EarthData.Jobs.Pipeline;

/// <summary>
/// Object keys of a published scene (DESIGN.md): <c>cogs/{collection}/{item}/{asset}.tif</c>,
/// <c>tiles/{collection}/{item}/{layer}/{z}/{x}/{y}.{ext}</c>, <c>thumbnails/{collection}/{item}.png</c>,
/// <c>originals/{collection}/{item}/{INPE xml}</c> and the static catalogue under <c>stac/</c>.
/// </summary>
public static class PublishedObjectKeys
{
    /// <summary>The prefix of the static STAC catalogue.</summary>
    public const string StacPrefix = "stac/";

    /// <summary>The key of a COG asset.</summary>
    public static string Cog(string collection, string item, string asset) =>
        ObjectKey.Validate($"cogs/{collection}/{item}/{asset}.tif");

    /// <summary>The key prefix (ending in '/') of a scene's tile layers, e.g. <c>tiles/CBERS4-MUX/CBERS_4_MUX_…/</c>.</summary>
    public static string TilesBase(string collection, string item) =>
        ObjectKey.Validate($"{TileWriterPaths.TilesPrefix}/{collection}/{item}") + "/";

    /// <summary>The key of a scene's thumbnail.</summary>
    public static string Thumbnail(string collection, string item) =>
        ObjectKey.Validate($"thumbnails/{collection}/{item}.png");

    /// <summary>The key of one of a scene's original INPE XML files.</summary>
    public static string Original(string collection, string item, string fileName) =>
        ObjectKey.Validate($"originals/{collection}/{item}/{fileName}");

    /// <summary>The key of the root catalog of the static catalogue.</summary>
    public static string StacCatalog => StacPrefix + "catalog.json";

    /// <summary>The key of a collection document of the static catalogue.</summary>
    public static string StacCollection(string collection) => ObjectKey.Validate($"{StacPrefix}{collection}/collection.json");

    /// <summary>The key of an item document of the static catalogue.</summary>
    public static string StacItem(string collection, string item) => ObjectKey.Validate($"{StacPrefix}{collection}/items/{item}.json");
}
