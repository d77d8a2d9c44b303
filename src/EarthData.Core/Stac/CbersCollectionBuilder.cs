using System.Text.Json;
using EarthData.Core.Geometry;
using EarthData.Core.Scenes;

namespace EarthData.Core.Stac;

/// <summary>
/// Builds the STAC collections of the seven CBERS camera products (<c>CBERS4-MUX</c> … <c>CBERS4A-WPM</c>) with
/// INPE as licensor/producer and extents taken from the items. Thread-safe.
/// </summary>
public static class CbersCollectionBuilder
{
    /// <summary>SPDX id of the CBERS data licence (INPE publishes the archive under CC BY-SA 3.0).</summary>
    public const string License = "CC-BY-SA-3.0";

    /// <summary>The licence text.</summary>
    public const string LicenseHref = "https://creativecommons.org/licenses/by-sa/3.0/";

    /// <summary>Builds a collection.</summary>
    /// <param name="collectionId">One of <see cref="CameraCatalog.CollectionIds"/>.</param>
    /// <param name="items">Items of the collection to take the extent from; none gives a world box and an open interval.</param>
    /// <param name="links">Links to add after the licence link (<c>self</c>, <c>root</c>, <c>parent</c>, <c>item</c>s).</param>
    /// <exception cref="ArgumentException">The collection id is unknown.</exception>
    public static StacCollection Build(string collectionId, IEnumerable<StacItem>? items = null, IEnumerable<StacLink>? links = null)
    {
        var camera = CameraCatalog.ForCollection(collectionId);
        var satellite = CbersNames.SatelliteFolder(camera.Satellite).Replace("CBERS", "CBERS-", StringComparison.Ordinal);
        var bands = string.Join(", ", camera.Bands.Select(b => $"{b.Name} {b.CommonName} {b.MinWavelength:0.00}–{b.MaxWavelength:0.00} µm"));
        return new StacCollection
        {
            Id = camera.CollectionId,
            Title = $"{satellite} {camera.Instrument}",
            Description =
                $"{satellite} {camera.Instrument} camera scenes from the INPE archive ({bands}; {camera.Gsd} m), " +
                "with Web Mercator cloud-optimised GeoTIFFs and XYZ tile pyramids produced by EarthData.",
            Keywords = ["cbers", camera.Platform, camera.Instrument.ToLowerInvariant(), "inpe", "earth observation"],
            License = License,
            Providers =
            [
                new StacProvider("INPE", ["licensor", "producer"], "https://www.gov.br/inpe/", "Instituto Nacional de Pesquisas Espaciais: acquisition and archive processing."),
                new StacProvider("EarthData", ["processor", "host"], null, "Reprojection to Web Mercator COGs, tiling and cataloguing."),
            ],
            Extent = ExtentOf(items ?? []),
            Summaries = new Dictionary<string, JsonElement>
            {
                ["constellation"] = StacJson.Element<string[]>(["cbers"]),
                ["platform"] = StacJson.Element(new[] { camera.Platform }),
                ["instruments"] = StacJson.Element(new[] { camera.Instrument.ToLowerInvariant() }),
                ["gsd"] = StacJson.Element(camera.Bands.Select(b => b.Gsd).Distinct().Order().ToArray()),
            },
            Links = [new StacLink("license", LicenseHref, "text/html", "CC BY-SA 3.0"), .. links ?? []],
        };
    }

    /// <summary>The extent of a set of items: the union box and the datetime interval; world and open interval when empty.</summary>
    public static StacExtent ExtentOf(IEnumerable<StacItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        BoundingBox? box = null;
        DateTime? start = null, end = null;
        foreach (var item in items)
        {
            if (item.Bbox is { Count: >= 4 } b)
            {
                var itemBox = b.Count == 6 ? new BoundingBox(b[0], b[1], b[3], b[4]) : new BoundingBox(b[0], b[1], b[2], b[3]);
                box = box is { } known ? known.Union(itemBox) : itemBox;
            }

            if (item.Datetime is { } when)
            {
                start = start is null || when < start ? when : start;
                end = end is null || when > end ? when : end;
            }
        }

        var world = new BoundingBox(-180, -90, 180, 90);
        return new StacExtent(
            new StacSpatialExtent([(box ?? world).ToArray()]),
            new StacTemporalExtent([[start is { } s ? StacItem.FormatInstant(s) : null, end is { } e ? StacItem.FormatInstant(e) : null]]));
    }
}
