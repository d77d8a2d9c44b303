namespace EarthData.Gdal;

/// <summary>One polygon produced by <see cref="GdalPolygonizer"/>.</summary>
/// <param name="Value">The pixel value shared by the polygon's pixels.</param>
/// <param name="Wkb">The polygon as little-endian (NDR) WKB, in the band's georeferenced coordinates.</param>
#pragma warning disable CA1819 // A WKB blob is naturally a byte array.
public readonly record struct PolygonizedFeature(int Value, byte[] Wkb);
#pragma warning restore CA1819
