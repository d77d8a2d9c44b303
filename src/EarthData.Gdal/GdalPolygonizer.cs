using EarthData.Gdal.Native;

namespace EarthData.Gdal;

/// <summary>Turns connected regions of equal pixel value into polygons (<c>GDALPolygonize</c>).</summary>
public static class GdalPolygonizer
{
    private const int OftInteger = 0;
    private const int WkbPolygon = 3;
    private const int WkbNdr = 1;

    /// <summary>
    /// Polygonizes <paramref name="source"/>: one feature per connected region, with its pixel value and its
    /// polygon as NDR WKB in the band's georeferenced coordinates (pixel coordinates when it has no geotransform).
    /// Float bands are polygonized with <c>GDALFPolygonize</c>; values are truncated to integers.
    /// </summary>
    /// <param name="source">Band to polygonize.</param>
    /// <param name="mask">Optional mask: pixels where it is 0 are skipped. Null uses no mask.</param>
    /// <param name="eightConnected">Connect diagonal neighbours too (default: 4-connectedness).</param>
    /// <param name="cancellationToken">Stops the operation; then <see cref="OperationCanceledException"/> is thrown.</param>
    public static unsafe IReadOnlyList<PolygonizedFeature> Polygonize(
        GdalBand source,
        GdalBand? mask = null,
        bool eightConnected = false,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        cancellationToken.ThrowIfCancellationRequested();
        var memory = GdalDrivers.GetDriver("Memory");
        using var sourceLease = source.Lease();
        using var maskLease = mask is null ? default : mask.Lease();
        using var options = CslHandle.Create(eightConnected ? ["8CONNECTED=8"] : null);
        using var bridge = new ProgressBridge(null, cancellationToken);
        using var noOptions = CslHandle.Create(null);
        using var scope = new GdalErrorScope();

        var raw = NativeMethods.GDALCreate(memory, "polygonize", 0, 0, 0, GdalDataType.Unknown, noOptions);
        using var vector = GdalDataset.Wrap(raw, scope, "Creating the in-memory polygon layer");
        var layer = NativeMethods.GDALDatasetCreateLayer(vector.Handle, "polygons", 0, WkbPolygon, 0);
        scope.ThrowIfFailed(layer == 0, "Creating the polygon layer");
        var field = NativeMethods.OGR_Fld_Create("value", OftInteger);
        var created = NativeMethods.OGR_L_CreateField(layer, field, 1);
        NativeMethods.OGR_Fld_Destroy(field);
        scope.ThrowIfFailed(created != 0, "Creating the value field");

        var isFloat = NativeMethods.GDALGetRasterDataType(source.RawHandle) is GdalDataType.Float32 or GdalDataType.Float64;
        var maskHandle = mask?.RawHandle ?? 0;
        var result = isFloat
            ? NativeMethods.GDALFPolygonize(source.RawHandle, maskHandle, layer, 0, options, ProgressBridge.Callback, bridge.UserData)
            : NativeMethods.GDALPolygonize(source.RawHandle, maskHandle, layer, 0, options, ProgressBridge.Callback, bridge.UserData);
        scope.ThrowIfFailed(result != 0, $"Polygonizing a band of '{source.Dataset.Path}'", bridge);

        return ReadFeatures(layer);
    }

    private static unsafe List<PolygonizedFeature> ReadFeatures(nint layer)
    {
        var features = new List<PolygonizedFeature>();
        NativeMethods.OGR_L_ResetReading(layer);
        for (var feature = NativeMethods.OGR_L_GetNextFeature(layer); feature != 0; feature = NativeMethods.OGR_L_GetNextFeature(layer))
        {
            try
            {
                var value = NativeMethods.OGR_F_GetFieldAsInteger(feature, 0);
                var geometry = NativeMethods.OGR_F_GetGeometryRef(feature);
                if (geometry == 0)
                {
                    continue;
                }

                var wkb = new byte[NativeMethods.OGR_G_WkbSize(geometry)];
                fixed (byte* buffer = wkb)
                {
                    if (NativeMethods.OGR_G_ExportToWkb(geometry, WkbNdr, buffer) != 0)
                    {
                        throw new GdalException("Exporting a polygon to WKB failed.");
                    }
                }

                features.Add(new PolygonizedFeature(value, wkb));
            }
            finally
            {
                NativeMethods.OGR_F_Destroy(feature);
            }
        }

        return features;
    }
}
