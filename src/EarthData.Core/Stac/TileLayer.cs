namespace EarthData.Core.Stac;

/// <summary>One rendered layer of a scene's XYZ pyramid.</summary>
/// <param name="Name">Layer key, as in the object key <c>tiles/{collection}/{item}/{layer}/{z}/{x}/{y}.png</c> and the asset template key (e.g. <c>visual</c>).</param>
/// <param name="MediaType">Tile media type: <c>image/png</c> or <c>image/webp</c>.</param>
/// <param name="Title">Human-readable title.</param>
public sealed record TileLayer(string Name, string MediaType = "image/png", string? Title = null)
{
    /// <summary>The file extension of the tiles (<c>png</c>, <c>webp</c>).</summary>
    public string Extension => MediaType switch
    {
        "image/png" => "png",
        "image/webp" => "webp",
        "image/jpeg" => "jpg",
        _ => throw new InvalidOperationException($"No tile extension for media type '{MediaType}'."),
    };
}
