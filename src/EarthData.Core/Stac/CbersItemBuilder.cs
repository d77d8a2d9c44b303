using System.Globalization;
using System.Reflection;
using System.Text.Json;
using EarthData.Core.Metadata;
using EarthData.Core.Radiometry;
using EarthData.Core.Scenes;
using EarthData.Core.Tiling;

namespace EarthData.Core.Stac;

/// <summary>
/// Builds the STAC 1.1.0 item of a CBERS scene from its INPE metadata and the files the caller published.
/// Id, collection, footprint, <c>bbox</c> and <c>datetime</c> follow <see cref="SceneMetadata"/> (the rules of the
/// public CBERS-on-AWS catalogue). Extensions: see <see cref="StacExtensionSchemas"/>; eo, raster, file and
/// tiled-assets are declared only when the item uses them. Thread-safe.
/// </summary>
public static class CbersItemBuilder
{
    /// <summary>Unit of band values once multiplied by <c>raster:scale</c> (the absolute calibration coefficient).</summary>
    public const string RadianceUnit = "W m-2 sr-1 um-1";

    /// <summary>Asset key suffix of the EPSG:3857 COG of a band (<c>B5_cog</c>).</summary>
    public const string CogSuffix = "_cog";

    private static readonly string DefaultSoftwareVersion =
        typeof(CbersItemBuilder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";

    /// <summary>The COSPAR designators of the satellites (<c>sat:platform_international_designator</c>).</summary>
    public static string InternationalDesignator(CbersSatellite satellite) => satellite switch
    {
        CbersSatellite.Cbers4 => "2014-079A",
        CbersSatellite.Cbers4A => "2019-093E",
        _ => throw new ArgumentOutOfRangeException(nameof(satellite), satellite, null),
    };

    /// <summary>Builds the item.</summary>
    /// <param name="scene">The scene metadata (one or all band files merged).</param>
    /// <param name="options">Published files and extra values; null for a metadata-only item.</param>
    public static StacItem Build(SceneMetadata scene, CbersItemOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scene);
        options ??= new CbersItemOptions();
        var camera = scene.Camera;
        var grid = CbersRasterGrid.From(scene.BandMetadata[0]);
        var extensions = new List<string> { StacExtensionSchemas.Projection, StacExtensionSchemas.View, StacExtensionSchemas.Sat, StacExtensionSchemas.Processing };

        var properties = new Dictionary<string, JsonElement>
        {
            ["datetime"] = StacJson.Element(StacItem.FormatInstant(scene.Datetime)),
            ["start_datetime"] = StacJson.Element(StacItem.FormatInstant(scene.AcquisitionStart)),
            ["end_datetime"] = StacJson.Element(StacItem.FormatInstant(scene.AcquisitionEnd)),
            ["platform"] = StacJson.Element(camera.Platform),
            ["constellation"] = StacJson.Element("cbers"),
            ["instruments"] = StacJson.Element(new[] { camera.Instrument.ToLowerInvariant() }),
            ["gsd"] = StacJson.Element(camera.Gsd),
            ["proj:code"] = StacJson.Element(EpsgCode(scene.Epsg)),
            ["proj:bbox"] = StacJson.Element(grid.Bbox),
            ["proj:shape"] = StacJson.Element(grid.Shape),
            ["proj:transform"] = StacJson.Element(grid.Transform),
            ["view:sun_elevation"] = StacJson.Element(scene.SunElevation),
            ["view:sun_azimuth"] = StacJson.Element(scene.SunAzimuth),
            ["sat:orbit_state"] = StacJson.Element(scene.OrbitDirection?.ToLowerInvariant() switch
            {
                "ascending" => "ascending",
                _ => "descending",
            }),
            ["sat:platform_international_designator"] = StacJson.Element(InternationalDesignator(scene.Id.Satellite)),
            ["cbers:path"] = StacJson.Element(scene.Id.Path),
            ["cbers:row"] = StacJson.Element(scene.Id.Row),
            ["processing:level"] = StacJson.Element(scene.Id.Level.ToString()),
            ["processing:software"] = StacJson.Element(new Dictionary<string, string> { ["EarthData"] = options.SoftwareVersion ?? DefaultSoftwareVersion }),
        };
        if (scene.OffNadir is { } offNadir and >= 0 and <= 90)
        {
            properties["view:off_nadir"] = StacJson.Element(offNadir);
        }

        if (options.CloudCover is { } cloud)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(cloud);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(cloud, 100);
            properties["eo:cloud_cover"] = StacJson.Element(cloud);
        }

        if (options.ProcessedAt is { } processed)
        {
            properties["processing:datetime"] = StacJson.Element(StacItem.FormatInstant(processed));
            properties["created"] = properties["processing:datetime"];
            properties["updated"] = properties["processing:datetime"];
        }

        var assets = BuildAssets(scene, grid, options);
        var usesBands = assets.Values.Any(a => a.Fields?.ContainsKey("bands") == true);
        if (usesBands || options.CloudCover is not null)
        {
            extensions.Add(StacExtensionSchemas.Eo);
        }

        if (usesBands)
        {
            extensions.Add(StacExtensionSchemas.Raster);
        }

        if (assets.Values.Any(a => a.Fields?.Keys.Any(k => k.StartsWith("file:", StringComparison.Ordinal)) == true))
        {
            extensions.Add(StacExtensionSchemas.File);
        }

        Dictionary<string, JsonElement>? fields = null;
        if (options.Tiles is { } tiles)
        {
            extensions.Add(StacExtensionSchemas.TiledAssets);
            AddTiles(properties, tiles, scene);
            fields = new Dictionary<string, JsonElement> { ["asset_templates"] = AssetTemplates(tiles) };
        }

        return new StacItem
        {
            Id = scene.Id.ToString(),
            Collection = scene.CollectionId,
            StacExtensions = extensions,
            Geometry = GeoJsonGeometry.FromPolygon(scene.Footprint),
            Bbox = scene.BoundingBox.ToArray(),
            Properties = properties,
            Links = options.Links ?? [],
            Assets = assets,
            Fields = fields,
        };
    }

    /// <summary>
    /// The projection fields of an EPSG:3857 asset (a Web Mercator COG) whose grid differs from the item's UTM grid:
    /// <c>proj:code</c>, <c>proj:epsg</c> (deprecated in projection v1.2.0 but what GDAL's STACIT driver before 3.10
    /// reads) and, when the grid is given, <c>proj:shape</c>, <c>proj:transform</c> and <c>proj:bbox</c> — all of them, so
    /// that no reader combines them with the item-level grid.
    /// </summary>
    /// <param name="shape">[rows, columns], or null when unknown.</param>
    /// <param name="transform">The affine transform (6 or 9 values, row-major as the extension defines), or null.</param>
    public static Dictionary<string, JsonElement> WebMercatorProjection(IReadOnlyList<int>? shape, IReadOnlyList<double>? transform)
    {
        var fields = new Dictionary<string, JsonElement>
        {
            ["proj:code"] = StacJson.Element(EpsgCode(3857)),
            ["proj:epsg"] = StacJson.Element(3857),
        };
        if (shape is { Count: 2 } && transform is { Count: 6 or 9 })
        {
            fields["proj:shape"] = StacJson.Element(shape);
            fields["proj:transform"] = StacJson.Element(transform);
            var (west, north) = (transform[2], transform[5]);
            fields["proj:bbox"] = StacJson.Element(new[] { west, north + (shape[0] * transform[4]), west + (shape[1] * transform[0]), north });
        }

        return fields;
    }

    /// <summary>The <c>proj:code</c> of an EPSG code: <c>EPSG:32723</c>.</summary>
    public static string EpsgCode(int epsg) => "EPSG:" + epsg.ToString(CultureInfo.InvariantCulture);

    private static Dictionary<string, StacAsset> BuildAssets(SceneMetadata scene, CbersRasterGrid grid, CbersItemOptions options)
    {
        var assets = new Dictionary<string, StacAsset>(StringComparer.Ordinal);
        if (options.Thumbnail is { } thumbnail)
        {
            assets["thumbnail"] = Asset(thumbnail, "image/png", "Thumbnail", ["thumbnail"]);
        }

        if (options.MetadataXml is { } xml)
        {
            assets["metadata"] = Asset(xml, "text/xml", "INPE original metadata", ["metadata"]);
        }

        foreach (var band in scene.Camera.Bands)
        {
            if (options.OriginalBands?.TryGetValue(band.Number, out var original) == true)
            {
                var fields = new Dictionary<string, JsonElement> { ["bands"] = Bands(scene, band) };
                var bandFile = scene.BandMetadata.FirstOrDefault(b => b.Band == band.Number);
                var bandGrid = bandFile is null ? grid.Resampled(band) : CbersRasterGrid.From(bandFile);
                if (bandGrid != grid)
                {
                    fields["proj:shape"] = StacJson.Element(bandGrid.Shape);
                    fields["proj:transform"] = StacJson.Element(bandGrid.Transform);
                }

                assets[band.Name] = Asset(original, StacAsset.GeoTiffMediaType, $"Band {band.Number} ({band.CommonName})", ["data"], fields);
            }

            if (options.CogBands?.TryGetValue(band.Number, out var cog) == true)
            {
                var fields = WebMercatorProjection(cog.Shape, cog.Transform);
                fields["bands"] = Bands(scene, band);

                assets[band.Name + CogSuffix] = Asset(cog, StacAsset.CogMediaType, $"Band {band.Number} ({band.CommonName}), Web Mercator COG", ["data", "cog"], fields);
            }
        }

        foreach (var (key, asset) in options.ExtraAssets ?? new Dictionary<string, StacAsset>())
        {
            assets[key] = asset;
        }

        return assets;
    }

    private static StacAsset Asset(AssetFile file, string type, string title, IReadOnlyList<string> roles, Dictionary<string, JsonElement>? fields = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(file.Href);
        if (file.Size is { } size)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(size);
            (fields ??= [])["file:size"] = StacJson.Element(size);
        }

        if (file.Checksum is { } checksum)
        {
            if (checksum.Length == 0 || checksum.Any(c => !char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c)))
            {
                throw new ArgumentException($"file:checksum '{checksum}' of {file.Href} is not a lowercase hex multihash.", nameof(file));
            }

            (fields ??= [])["file:checksum"] = StacJson.Element(checksum);
        }

        return new StacAsset { Href = file.Href, Type = type, Title = title, Roles = roles, Fields = fields };
    }

    private static JsonElement Bands(SceneMetadata scene, BandSpec band)
    {
        var entry = new Dictionary<string, object>
        {
            ["name"] = band.Name,
            ["eo:common_name"] = band.CommonName,
            ["eo:center_wavelength"] = band.CenterWavelength,
            ["eo:full_width_half_max"] = band.FullWidthHalfMax,
            ["eo:solar_illumination"] = SolarIrradiance.Of(band),
            ["nodata"] = band.NoData,
            ["data_type"] = band.SampleType switch
            {
                SampleType.Byte => "uint8",
                SampleType.Int16 => "int16",
                SampleType.UInt16 => "uint16",
                SampleType.Float32 => "float32",
                _ => "other",
            },
            ["raster:bits_per_sample"] = band.MaxValue > 255 ? 10 : 8,
            ["raster:spatial_resolution"] = band.Gsd,
        };
        if (scene.CalibrationCoefficients.TryGetValue(band.Number, out var coefficient))
        {
            entry["raster:scale"] = coefficient;
            entry["unit"] = RadianceUnit;
        }

        return StacJson.Element(new[] { entry });
    }

    private static void AddTiles(Dictionary<string, JsonElement> properties, TilePyramid tiles, SceneMetadata scene)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tiles.MinZoom);
        ArgumentOutOfRangeException.ThrowIfLessThan(tiles.MaxZoom, tiles.MinZoom);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(tiles.MaxZoom, TileAddress.MaxZoom);
        var envelope = scene.Envelope;
        var (west, south) = WebMercatorQuad.LonLatToMeters(envelope.MinX, envelope.MinY);
        var (east, north) = WebMercatorQuad.LonLatToMeters(envelope.MaxX, envelope.MaxY);
        var limits = new Dictionary<string, object>();
        for (var z = tiles.MinZoom; z <= tiles.MaxZoom; z++)
        {
            var (minCol, minRow, maxCol, maxRow) = tiles.Limits?.TryGetValue(z, out var written) == true
                ? (written.MinCol, written.MinRow, written.MaxCol, written.MaxRow)
                : WebMercatorQuad.TileRange(west, south, east, north, z);
            limits[z.ToString(CultureInfo.InvariantCulture)] = new Dictionary<string, int>
            {
                ["min_tile_col"] = minCol,
                ["max_tile_col"] = maxCol,
                ["min_tile_row"] = minRow,
                ["max_tile_row"] = maxRow,
            };
        }

        properties["tiles:tile_matrix_links"] = StacJson.Element(new Dictionary<string, object>
        {
            [WebMercatorQuad.Identifier] = new Dictionary<string, object> { ["url"] = "#" + WebMercatorQuad.Identifier, ["limits"] = limits },
        });
        properties["tiles:tile_matrix_sets"] = StacJson.Element(new Dictionary<string, JsonElement>
        {
            [WebMercatorQuad.Identifier] = TileMatrixSetDefinition.Definition(tiles.MinZoom, tiles.MaxZoom),
        });
    }

    private static JsonElement AssetTemplates(TilePyramid tiles)
    {
        var templates = new Dictionary<string, StacAsset>(StringComparer.Ordinal);
        foreach (var layer in tiles.Layers)
        {
            templates[layer.Name] = new StacAsset
            {
                Href = tiles.Template(layer),
                Type = layer.MediaType,
                Title = layer.Title,
                Roles = [layer.Name == "visual" ? "visual" : "overview", "tiles"],
            };
        }

        return StacJson.Element(templates);
    }
}
