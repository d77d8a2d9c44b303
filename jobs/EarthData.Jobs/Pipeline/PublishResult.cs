using EarthData.Core.Stac;

namespace EarthData.Jobs.Pipeline;

/// <summary>What <see cref="ScenePublisher.PublishAsync"/> did.</summary>
/// <param name="Item">The STAC item now in the catalogue.</param>
/// <param name="ObjectsUploaded">Objects put (COG, tiles, thumbnail, originals; STAC documents not counted).</param>
/// <param name="BytesUploaded">Bytes of those objects.</param>
/// <param name="ItemKey">Object key of the item in the static catalogue, or null when it is not written.</param>
public sealed record PublishResult(StacItem Item, int ObjectsUploaded, long BytesUploaded, string? ItemKey);
