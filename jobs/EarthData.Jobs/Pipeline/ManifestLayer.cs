using System.Text.Json.Serialization;

namespace EarthData.Jobs.Pipeline;

/// <summary>A rendered tile pyramid in the work directory: <c>tiles/{Name}/{z}/{x}/{y}.{Extension}</c>.</summary>
/// <param name="Name">Layer name (<c>true-color</c>, <c>false-color</c>, …).</param>
/// <param name="Extension">Tile file extension without the dot (<c>png</c>, <c>webp</c>).</param>
/// <param name="Zooms">The zooms that hold at least one tile, ascending.</param>
/// <param name="Bytes">Total bytes of the layer's tiles.</param>
public sealed record ManifestLayer(string Name, string Extension, IReadOnlyList<ManifestZoom> Zooms, long Bytes)
{
    /// <summary>Tiles written over all zooms.</summary>
    [JsonIgnore]
    public long TileCount => Zooms.Sum(z => (long)z.Count);

    /// <summary>The relative folder of the layer in the work directory.</summary>
    [JsonIgnore]
    public string Directory => "tiles/" + Name;
}
