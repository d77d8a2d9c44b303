using System.Globalization;
using System.Xml.Linq;
using EarthData.Core.Radiometry;
using EarthData.Core.Tiling;
using EarthData.Gdal;
using EarthData.Imaging.Radiometry;

namespace EarthData.Imaging.Cog;

/// <summary>
/// The source of a COG as one VRT in <c>/vsimem/</c>: a scene's band stack (optionally converted to reflectance) or a
/// plain raster (optionally band-subset). Checks what GDAL would otherwise report late or obscurely.
/// </summary>
internal sealed class CogSource : IDisposable
{
    private readonly IDisposable _owner;

    private CogSource(IDisposable owner, string vrtPath, string? sceneId, CogOutput output, string? note)
    {
        _owner = owner;
        VrtPath = vrtPath;
        SceneId = sceneId;
        Output = output;
        RadiometryNote = note;
    }

    public string VrtPath { get; }

    public string? SceneId { get; }

    public CogOutput Output { get; }

    public string? RadiometryNote { get; }

    public static CogSource Prepare(CogRequest request, CancellationToken cancellationToken) =>
        Directory.Exists(request.Source) ? FromScene(request, cancellationToken) : FromRaster(request, cancellationToken);

    public void Dispose() => _owner.Dispose();

    private static CogSource FromScene(CogRequest request, CancellationToken cancellationToken)
    {
        var stack = SceneStack.Open(request.Source, request.Bands, cancellationToken);
        try
        {
            var document = stack.LoadVrt();
            var output = CogOutput.Dn;
            string? note = null;
            if (request.Output != CogOutput.Dn)
            {
                if (ReflectanceFactors.TryCompute(stack.Metadata, stack.Bands, out var factors))
                {
                    var encoding = request.Output == CogOutput.ReflectanceInt16 ? ReflectanceEncoding.Int16 : ReflectanceEncoding.Float32;
                    note = ApplyReflectance(document, stack, factors, encoding);
                    var bands = document.Root!.Elements("VRTRasterBand").ToList();
                    for (var i = 0; i < bands.Count; i++)
                    {
                        CogMetadata.SetItem(bands[i], "REFLECTANCE_FACTOR", factors[i].ToString("R", CultureInfo.InvariantCulture));
                    }

                    SetRadiometry(document, encoding == ReflectanceEncoding.Int16 ? "TOA_REFLECTANCE_X10000" : "TOA_REFLECTANCE", note);
                    output = request.Output;
                }
                else
                {
                    note = ReflectanceFactors.NoCoefficientsMessage;
                    SetRadiometry(document, "DN", note);
                }
            }

            var path = stack.GetTemporaryPath("cog-source.vrt");
            VsiMem.WriteFile(path, System.Text.Encoding.UTF8.GetBytes(document.ToString()));
            return new CogSource(stack, path, stack.Files.Id.ToString(), output, note);
        }
        catch
        {
            stack.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Converts the scene VRT to reflectance, with each head's own calibration where a two-head camera's heads differ,
    /// and returns the implausibility note (null when every band converts to plausible reflectance).
    /// </summary>
    private static string? ApplyReflectance(XDocument document, SceneStack stack, double[] factors, ReflectanceEncoding encoding)
    {
        var heads = ReflectanceFactors.ByCamera(stack.Metadata, stack.Bands);
        var seam = heads is null ? null : CameraSeam.Between(stack.Metadata.Cameras[0], stack.Metadata.Cameras[1]);
        if (heads is not null && seam is not null)
        {
            ReflectanceVrt.ApplyByCamera(document, heads[0], heads[1], seam, encoding);
        }
        else
        {
            ReflectanceVrt.Apply(document, factors, encoding);
        }

        var warnings = (heads ?? [factors]).SelectMany(f => ReflectancePlausibility.Check(stack.Bands, f)).Distinct().ToList();
        return warnings.Count == 0 ? null : string.Join("; ", warnings);
    }

    private static CogSource FromRaster(CogRequest request, CancellationToken cancellationToken)
    {
        var source = request.Source;
        var name = Path.GetFileName(source.TrimEnd('/'));
        if (File.Exists(source))
        {
            source = Path.GetFullPath(source);
        }
        else if (!source.StartsWith("/vsi", StringComparison.Ordinal) && !source.Contains(':', StringComparison.Ordinal))
        {
            throw new FileNotFoundException($"'{request.Source}' does not exist", request.Source);
        }

        GdalDataset dataset;
        try
        {
            dataset = GdalDataset.Open(source);
        }
        catch (GdalException ex)
        {
            throw new UnsupportedRasterException($"'{name}' is not a raster GDAL can read: {ex.GdalMessage ?? ex.Message}", request.Source, ex);
        }

        var scope = new VsiMemScope();
        try
        {
            using (dataset)
            {
                Check(dataset, name, request.Bands);
                _ = CogGrid.Of(dataset, name);
                var args = new List<string> { "-of", "VRT" };
                args.AddRange(MercatorLatitudeWindow(dataset));
                foreach (var band in request.Bands ?? [])
                {
                    args.Add("-b");
                    args.Add(band.ToString(CultureInfo.InvariantCulture));
                }

                var path = scope.GetPath("cog-source.vrt");
                using (var vrt = GdalUtilities.Translate(path, dataset, args, null, cancellationToken))
                {
                    vrt.Close();
                }

                string? note = null;
                if (request.Output != CogOutput.Dn)
                {
                    note = ReflectanceFactors.NoCoefficientsMessage;
                    var document = XDocument.Parse(System.Text.Encoding.UTF8.GetString(VsiMem.ReadAllBytes(path)));
                    SetRadiometry(document, "DN", note);
                    VsiMem.WriteFile(path, System.Text.Encoding.UTF8.GetBytes(document.ToString()));
                }

                return new CogSource(scope, path, null, CogOutput.Dn, note);
            }
        }
        catch
        {
            scope.Dispose();
            throw;
        }
    }

    /// <summary>
    /// For a north-up geographic raster reaching beyond Web Mercator's ±85.0511° (a global grid), a <c>-srcwin</c> keeping
    /// only the whole rows inside it: the poles have no EPSG:3857 coordinates and GDAL's warper fails on them (as
    /// <c>gdal2tiles.py</c> also clips). Empty for every other raster.
    /// </summary>
    private static string[] MercatorLatitudeWindow(GdalDataset dataset)
    {
        using var srs = dataset.GetSpatialReference();
        if (srs is not { IsGeographic: true } || dataset.GeoTransform is not { IsNorthUp: true } gt || gt.PixelHeight >= 0)
        {
            return [];
        }

        var north = gt.OriginY;
        var south = gt.OriginY + (dataset.Height * gt.PixelHeight);
        if (north <= WebMercatorQuad.MaxLatitude && south >= -WebMercatorQuad.MaxLatitude)
        {
            return [];
        }

        var firstRow = Math.Max(0, (int)Math.Ceiling((north - WebMercatorQuad.MaxLatitude) / -gt.PixelHeight - 1e-9));
        var endRow = Math.Min(dataset.Height, (int)Math.Floor((north + WebMercatorQuad.MaxLatitude) / -gt.PixelHeight + 1e-9));
        if (endRow <= firstRow)
        {
            throw new ArgumentException("the raster lies entirely beyond Web Mercator's latitude limit (±85.0511°)");
        }

        return ["-srcwin", "0", Invariant(firstRow), Invariant(dataset.Width), Invariant(endRow - firstRow)];

        static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
    }

    private static void Check(GdalDataset dataset, string name, IReadOnlyList<int>? bands)
    {
        if (dataset.BandCount == 0)
        {
            throw new UnsupportedRasterException($"'{name}' has no raster bands", name);
        }

        foreach (var band in bands ?? [])
        {
            if (band < 1 || band > dataset.BandCount)
            {
                throw new ArgumentException($"--bands: '{name}' has bands 1 to {dataset.BandCount}, not {band}", nameof(bands));
            }
        }

        for (var i = 1; i <= dataset.BandCount; i++)
        {
            var type = dataset.GetBand(i).DataType;
            if (type is GdalDataType.CInt16 or GdalDataType.CInt32 or GdalDataType.CFloat32 or GdalDataType.CFloat64 or GdalDataType.Unknown)
            {
                throw new UnsupportedRasterException($"'{name}' band {i} has data type {type}, which is not supported (complex or unknown types cannot be reprojected into a map COG)", name);
            }
        }
    }

    private static void SetRadiometry(XDocument document, string radiometry, string? note)
    {
        var root = document.Root ?? throw new InvalidOperationException("Empty VRT.");
        CogMetadata.SetItem(root, "RADIOMETRY", radiometry);
        if (note is not null)
        {
            CogMetadata.SetItem(root, "RADIOMETRY_NOTE", note);
        }
    }
}
