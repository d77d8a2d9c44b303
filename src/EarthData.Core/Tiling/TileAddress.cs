using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace EarthData.Core.Tiling;

/// <summary>
/// One tile of the WebMercatorQuad tile matrix set in XYZ addressing: <see cref="X"/> grows eastwards,
/// <see cref="Y"/> grows southwards from the north edge (the "Google"/OSM convention, not TMS).
/// </summary>
/// <remarks>The default value is the single zoom-0 tile <c>0/0/0</c>.</remarks>
public readonly record struct TileAddress
{
    /// <summary>The deepest zoom level supported (2^24 tiles per axis, ≈ 2.4 m per tile at the equator).</summary>
    public const int MaxZoom = 24;

    /// <summary>Creates a validated tile address.</summary>
    /// <param name="zoom">Zoom level, 0 to <see cref="MaxZoom"/>.</param>
    /// <param name="x">Column, 0 to 2^zoom − 1, from the west.</param>
    /// <param name="y">Row, 0 to 2^zoom − 1, from the north.</param>
    /// <exception cref="ArgumentOutOfRangeException">A component is outside the tile matrix.</exception>
    public TileAddress(int zoom, int x, int y)
    {
        if ((uint)zoom > MaxZoom)
        {
            throw new ArgumentOutOfRangeException(nameof(zoom), zoom, $"Zoom must be between 0 and {MaxZoom}.");
        }

        var limit = 1 << zoom;
        if ((uint)x >= (uint)limit)
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, $"Tile column must be between 0 and {limit - 1} at zoom {zoom}.");
        }

        if ((uint)y >= (uint)limit)
        {
            throw new ArgumentOutOfRangeException(nameof(y), y, $"Tile row must be between 0 and {limit - 1} at zoom {zoom}.");
        }

        Zoom = zoom;
        X = x;
        Y = y;
    }

    /// <summary>Zoom level (tile matrix identifier), 0 to <see cref="MaxZoom"/>.</summary>
    public int Zoom { get; }

    /// <summary>Column from the west edge.</summary>
    public int X { get; }

    /// <summary>Row from the north edge.</summary>
    public int Y { get; }

    /// <summary>Number of tiles along each axis at this zoom (2^zoom).</summary>
    public int MatrixSize => 1 << Zoom;

    /// <summary>The tile one zoom level up that contains this one.</summary>
    /// <exception cref="InvalidOperationException">This is the zoom-0 tile.</exception>
    public TileAddress Parent => Zoom == 0
        ? throw new InvalidOperationException("The zoom-0 tile has no parent.")
        : new TileAddress(Zoom - 1, X >> 1, Y >> 1);

    /// <summary>The four tiles one zoom level down that cover this one.</summary>
    /// <exception cref="InvalidOperationException">This tile is at <see cref="MaxZoom"/>.</exception>
    public (TileAddress NorthWest, TileAddress NorthEast, TileAddress SouthWest, TileAddress SouthEast) Children
    {
        get
        {
            if (Zoom == MaxZoom)
            {
                throw new InvalidOperationException($"Tiles at zoom {MaxZoom} have no children.");
            }

            int z = Zoom + 1, x = X << 1, y = Y << 1;
            return (new(z, x, y), new(z, x + 1, y), new(z, x, y + 1), new(z, x + 1, y + 1));
        }
    }

    /// <summary>Deconstructs into zoom, column and row.</summary>
    /// <param name="zoom">Zoom level.</param>
    /// <param name="x">Column.</param>
    /// <param name="y">Row.</param>
    public void Deconstruct(out int zoom, out int x, out int y)
    {
        zoom = Zoom;
        x = X;
        y = Y;
    }

    /// <summary>Formats as <c>z/x/y</c>, the path form used by XYZ tile URLs.</summary>
    /// <returns>The address, e.g. <c>13/2931/4680</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Zoom}/{X}/{Y}");

    /// <summary>Parses <c>z/x/y</c> (invariant digits only, no signs or spaces) into a validated address.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="tile">The address when the result is true.</param>
    /// <returns>True when the text is a valid address inside the tile matrix.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out TileAddress tile)
    {
        tile = default;
        if (text is null)
        {
            return false;
        }

        var span = text.AsSpan();
        Span<Range> parts = stackalloc Range[4];
        if (span.Split(parts, '/') != 3)
        {
            return false;
        }

        if (!TryParseComponent(span[parts[0]], out var z) || !TryParseComponent(span[parts[1]], out var x)
            || !TryParseComponent(span[parts[2]], out var y) || z > MaxZoom || x >= 1 << z || y >= 1 << z)
        {
            return false;
        }

        tile = new TileAddress(z, x, y);
        return true;
    }

    /// <summary>Parses <c>z/x/y</c>.</summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The address.</returns>
    /// <exception cref="FormatException">The text is not a valid <c>z/x/y</c> address.</exception>
    public static TileAddress Parse(string text) => TryParse(text, out var tile)
        ? tile
        : throw new FormatException($"'{text}' is not a tile address of the form z/x/y with z 0–{MaxZoom} and x, y inside the matrix.");

    /// <summary>The Bing-style quadkey (one base-4 digit per zoom level; empty at zoom 0).</summary>
    /// <returns>The quadkey, e.g. <c>"213"</c> for <c>3/3/5</c>; each digit is 2·(row bit) + (column bit), coarsest level first.</returns>
    public string ToQuadKey()
    {
        return string.Create(Zoom, this, static (chars, t) =>
        {
            for (var i = 0; i < t.Zoom; i++)
            {
                var bit = t.Zoom - 1 - i;
                chars[i] = (char)('0' + (((t.X >> bit) & 1) | (((t.Y >> bit) & 1) << 1)));
            }
        });
    }

    /// <summary>Parses a quadkey (digits 0–3, at most <see cref="MaxZoom"/> of them).</summary>
    /// <param name="quadKey">The quadkey; empty means the zoom-0 tile.</param>
    /// <param name="tile">The address when the result is true.</param>
    /// <returns>True when the quadkey is valid.</returns>
    public static bool TryParseQuadKey([NotNullWhen(true)] string? quadKey, out TileAddress tile)
    {
        tile = default;
        if (quadKey is null || quadKey.Length > MaxZoom)
        {
            return false;
        }

        int x = 0, y = 0;
        foreach (var c in quadKey)
        {
            var digit = c - '0';
            if ((uint)digit > 3)
            {
                return false;
            }

            x = (x << 1) | (digit & 1);
            y = (y << 1) | (digit >> 1);
        }

        tile = new TileAddress(quadKey.Length, x, y);
        return true;
    }

    private static bool TryParseComponent(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > 8)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
