using System.Globalization;
using System.Text.RegularExpressions;
using EarthData.Core.Tiling;

namespace EarthData.Cli;

/// <summary>The <c>--zoom MIN-MAX</c> (or one zoom) option shared by the commands that render tiles.</summary>
internal static partial class ZoomRange
{
    /// <summary>Parses <paramref name="text"/>; null stays null (the command's default range).</summary>
    /// <exception cref="ArgumentException">Not MIN-MAX, outside 0–24, or min &gt; max (the message names --zoom).</exception>
    public static (int Min, int Max)? Parse(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var match = ZoomPattern().Match(text);
        if (!match.Success)
        {
            throw new ArgumentException($"--zoom: '{text}': expected MIN-MAX (e.g. 8-13) or one zoom");
        }

        var min = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var max = match.Groups[2].Success ? int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) : min;
        if (min > TileAddress.MaxZoom || max > TileAddress.MaxZoom)
        {
            throw new ArgumentException($"--zoom: {text}: zoom levels go from 0 to {TileAddress.MaxZoom}");
        }

        return min > max ? throw new ArgumentException($"--zoom: {text}: min > max") : (min, max);
    }

    [GeneratedRegex(@"^\s*(\d{1,3})\s*(?:-\s*(\d{1,3})\s*)?$")]
    private static partial Regex ZoomPattern();
}
