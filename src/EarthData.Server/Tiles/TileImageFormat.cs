namespace EarthData.Server.Tiles;

/// <summary>An image format a tile is served in: its name in <c>format=</c>, its file extensions and media type.</summary>
/// <param name="Name">The name used in <c>format=</c> (<c>png</c>, <c>webp</c>, <c>jpeg</c>).</param>
/// <param name="Extension">The extension of pre-rendered tile keys.</param>
/// <param name="MediaType">The Content-Type.</param>
internal sealed record TileImageFormat(string Name, string Extension, string MediaType)
{
    /// <summary>PNG (lossless, with alpha).</summary>
    public static TileImageFormat Png { get; } = new("png", "png", "image/png");

    /// <summary>WEBP (with alpha).</summary>
    public static TileImageFormat Webp { get; } = new("webp", "webp", "image/webp");

    /// <summary>JPEG (no alpha: transparent pixels come out black).</summary>
    public static TileImageFormat Jpeg { get; } = new("jpeg", "jpg", "image/jpeg");

    /// <summary>Every format, for messages.</summary>
    public static IReadOnlyList<TileImageFormat> All { get; } = [Png, Webp, Jpeg];

    /// <summary>Finds a format by name or extension (<c>png</c>, <c>webp</c>, <c>jpeg</c>, <c>jpg</c>), case-insensitive.</summary>
    public static TileImageFormat? Find(string? text) => text?.ToUpperInvariant() switch
    {
        "PNG" => Png,
        "WEBP" => Webp,
        "JPEG" or "JPG" => Jpeg,
        _ => null,
    };
}
