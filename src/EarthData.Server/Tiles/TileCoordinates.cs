using System.Globalization;
using EarthData.Core.Tiling;

namespace EarthData.Server.Tiles;

/// <summary>Parses the <c>{z}/{x}/{y}.{ext}</c> end of a tile path into a WebMercatorQuad address and a format.</summary>
internal static class TileCoordinates
{
    /// <summary>
    /// Parses and range-checks z (0–24), x and y (0 to 2^z − 1) and the extension; <paramref name="error"/> names the
    /// offending part when it returns false.
    /// </summary>
    public static bool TryParse(string z, string x, string yWithExtension, out TileAddress tile, out TileImageFormat format, out string error)
    {
        tile = default;
        format = TileImageFormat.Png;
        var dot = yWithExtension.LastIndexOf('.');
        if (dot <= 0)
        {
            error = $"tile '{z}/{x}/{yWithExtension}' has no image extension: use {{y}}.png or {{y}}.webp";
            return false;
        }

        var extension = yWithExtension[(dot + 1)..];
        if (TileImageFormat.Find(extension) is not { } found)
        {
            error = $"'{extension}' is not a tile format: use png, webp or jpg";
            return false;
        }

        format = found;
        var y = yWithExtension[..dot];
        if (!TryInteger(z, out var zoom) || zoom > TileAddress.MaxZoom)
        {
            error = $"z '{z}' is not a zoom level from 0 to {TileAddress.MaxZoom}";
            return false;
        }

        var limit = 1L << zoom;
        if (!TryInteger(x, out var column) || column >= limit)
        {
            error = $"x '{x}' is not a tile column from 0 to {limit - 1} at zoom {zoom}";
            return false;
        }

        if (!TryInteger(y, out var row) || row >= limit)
        {
            error = $"y '{y}' is not a tile row from 0 to {limit - 1} at zoom {zoom}";
            return false;
        }

        tile = new TileAddress(zoom, column, row);
        error = string.Empty;
        return true;
    }

    // Digits only: no sign, no spaces, no leading '+' — "-1" and "1e3" are malformed, not clamped.
    private static bool TryInteger(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && text.Length <= 9;
}
