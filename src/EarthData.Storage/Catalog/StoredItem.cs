using EarthData.Core.Geometry;
using EarthData.Core.Stac;

namespace EarthData.Storage.Catalog;

/// <summary>The indexed columns of an item row, checked once before writing.</summary>
internal sealed record StoredItem(string Collection, string Id, DateTime Datetime, BoundingBox Box, string Json)
{
    public static StoredItem From(StacItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (string.IsNullOrEmpty(item.Collection))
        {
            throw new ArgumentException($"Item '{item.Id}' has no collection; the catalogue keys items by collection and id.", nameof(item));
        }

        if (string.IsNullOrEmpty(item.Id))
        {
            throw new ArgumentException("An item needs an id.", nameof(item));
        }

        DateTime datetime;
        try
        {
            datetime = item.Datetime ?? throw new ArgumentException($"Item '{item.Id}' has neither datetime nor start_datetime.", nameof(item));
        }
        catch (FormatException ex)
        {
            throw new ArgumentException($"Item '{item.Id}': {ex.Message}", nameof(item), ex);
        }

        BoundingBox box;
        if (item.Bbox is { Count: 4 or 6 } b)
        {
            box = b.Count == 6 ? new BoundingBox(b[0], b[1], b[3], b[4]) : new BoundingBox(b[0], b[1], b[2], b[3]);
        }
        else if (item.Geometry is { } geometry)
        {
            box = geometry.Envelope();
        }
        else
        {
            throw new ArgumentException($"Item '{item.Id}' has no geometry; the catalogue indexes items spatially.", nameof(item));
        }

        // The geometry can stick out of a bbox built by the reference rule; index the union so the prefilter never misses it.
        if (item.Geometry is { } footprint)
        {
            box = box.Union(footprint.Envelope());
        }

        return new StoredItem(item.Collection, item.Id, datetime, box, StacJson.Serialize(item));
    }
}
