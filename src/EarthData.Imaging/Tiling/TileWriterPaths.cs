using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using EarthData.Core.Tiling;

namespace EarthData.Imaging.Tiling;

/// <summary>
/// Paths of pre-rendered tiles: <c>{z}/{x}/{y}.{ext}</c> inside a layer, and the object key
/// <c>tiles/{collection}/{item}/{layer}/{z}/{x}/{y}.{ext}</c> (DESIGN.md). Always '/'-separated, never rooted.
/// </summary>
public static class TileWriterPaths
{
    /// <summary>The prefix of every tile object key.</summary>
    public const string TilesPrefix = "tiles";

    /// <summary>The path of a tile within its layer, e.g. <c>13/2931/4680.png</c>.</summary>
    /// <param name="tile">The tile.</param>
    /// <param name="extension">Lower-case letters/digits without the dot, e.g. <c>png</c>.</param>
    /// <returns>The relative path.</returns>
    /// <exception cref="ArgumentException">The extension is not 1–8 lower-case letters or digits.</exception>
    public static string RelativePath(TileAddress tile, string extension)
    {
        ValidateExtension(extension);
        return string.Create(CultureInfo.InvariantCulture, $"{tile.Zoom}/{tile.X}/{tile.Y}.{extension}");
    }

    /// <summary>The object-store key of a tile, e.g. <c>tiles/CBERS4-MUX/CBERS_4_MUX_…/true-color/13/2931/4680.png</c>.</summary>
    /// <param name="collection">STAC collection id.</param>
    /// <param name="item">STAC item id (the scene id).</param>
    /// <param name="layer">Rendered layer name.</param>
    /// <param name="tile">The tile.</param>
    /// <param name="extension">File extension without the dot.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentException">A segment is empty, '.', '..', or has characters other than letters, digits, '.', '_' and '-'.</exception>
    public static string ObjectKey(string collection, string item, string layer, TileAddress tile, string extension)
    {
        ValidateSegment(collection, nameof(collection));
        ValidateSegment(item, nameof(item));
        ValidateSegment(layer, nameof(layer));
        return $"{LayerPrefix(collection, item, layer)}{RelativePath(tile, extension)}";
    }

    /// <summary>The key prefix (ending in '/') under which a layer's tiles live.</summary>
    /// <param name="collection">STAC collection id.</param>
    /// <param name="item">STAC item id.</param>
    /// <param name="layer">Layer name.</param>
    /// <returns>E.g. <c>tiles/CBERS4-MUX/…/true-color/</c>.</returns>
    public static string LayerPrefix(string collection, string item, string layer)
    {
        ValidateSegment(collection, nameof(collection));
        ValidateSegment(item, nameof(item));
        ValidateSegment(layer, nameof(layer));
        return $"{TilesPrefix}/{collection}/{item}/{layer}/";
    }

    /// <summary>Parses a path of the form <c>{z}/{x}/{y}.{ext}</c>.</summary>
    /// <param name="path">The relative path.</param>
    /// <param name="tile">The tile when the result is true.</param>
    /// <param name="extension">The extension when the result is true.</param>
    /// <returns>True when the path is a valid tile path.</returns>
    public static bool TryParseRelativePath([NotNullWhen(true)] string? path, out TileAddress tile, [NotNullWhen(true)] out string? extension)
    {
        tile = default;
        extension = null;
        if (path is null)
        {
            return false;
        }

        var dot = path.LastIndexOf('.');
        if (dot <= 0 || !IsExtension(path.AsSpan(dot + 1)) || !TileAddress.TryParse(path[..dot], out tile))
        {
            return false;
        }

        extension = path[(dot + 1)..];
        return true;
    }

    private static void ValidateExtension(string extension)
    {
        ArgumentNullException.ThrowIfNull(extension);
        if (!IsExtension(extension))
        {
            throw new ArgumentException($"'{extension}' is not a tile file extension (1–8 lower-case letters or digits, no dot).", nameof(extension));
        }
    }

    private static bool IsExtension(ReadOnlySpan<char> extension)
    {
        if (extension.IsEmpty || extension.Length > 8)
        {
            return false;
        }

        foreach (var c in extension)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static void ValidateSegment(string segment, string name)
    {
        ArgumentNullException.ThrowIfNull(segment, name);
        var ok = segment.Length is > 0 and <= 200 && segment is not "." and not "..";
        foreach (var c in segment)
        {
            ok &= char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-';
        }

        if (!ok)
        {
            throw new ArgumentException($"'{segment}' is not a valid key segment (letters, digits, '.', '_', '-'; not '.' or '..').", name);
        }
    }
}
