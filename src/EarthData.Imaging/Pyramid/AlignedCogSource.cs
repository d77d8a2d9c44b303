using System.Globalization;
using EarthData.Core.Scenes;
using EarthData.Core.Tiling;
using EarthData.Gdal;
using EarthData.Imaging.Layers;

namespace EarthData.Imaging.Pyramid;

/// <summary>
/// Turns any georeferenced raster (or a CBERS scene folder) into an EPSG:3857 COG aligned to WebMercatorQuad
/// (<c>TILING_SCHEME=GoogleMapsCompatible</c>: GDAL's COG driver reprojects by itself), which <see cref="PyramidBuilder"/>
/// reads one 256×256 block per native tile.
/// </summary>
/// <remarks>
/// This is the pyramid's own reprojection seam, kept deliberately small: the product's master COG comes from the COG
/// writer (radiometry, band metadata); this produces the same grid for arbitrary inputs.
/// </remarks>
public static class AlignedCogSource
{
    /// <summary>Whether a raster is already EPSG:3857 with pixels of exactly one WebMercatorQuad zoom on the tile grid.</summary>
    public static bool IsAligned(GdalDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return AlignedGrid.TryFrom(dataset, out _, out _);
    }

    /// <summary>Opens a raster file, or a CBERS scene folder as a band stack (VRT, band descriptions = common names).</summary>
    /// <param name="path">A raster file or a scene folder in the archive layout.</param>
    /// <param name="collectionId">The scene's collection (e.g. <c>CBERS4-MUX</c>), or null for a plain raster.</param>
    /// <exception cref="InvalidOperationException">The path is not a raster, or the raster has no georeferencing.</exception>
    public static GdalDataset OpenInput(string path, out string? collectionId)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        collectionId = null;
        GdalDataset dataset;
        if (Directory.Exists(path))
        {
            var scene = ArchiveLayout.Locate(path);
            var camera = CameraCatalog.Get(scene.Id);
            collectionId = camera.CollectionId;
            var bands = scene.Bands.OrderBy(b => b.Band).ToArray();
            dataset = GdalUtilities.BuildVrt(string.Empty, [.. bands.Select(b => b.TiffPath)], ["-separate"]);
            for (var i = 0; i < bands.Length; i++)
            {
                var band = dataset.GetBand(i + 1);
                var spec = camera.Band(bands[i].Band);
                band.Description = spec.CommonName;
                band.NoDataValue ??= spec.NoData;
            }

            dataset.SetMetadataItem(BandCommonNames.CollectionMetadataItem, collectionId);
        }
        else if (File.Exists(path))
        {
            try
            {
                dataset = GdalDataset.Open(path);
            }
            catch (GdalException ex)
            {
                throw new InvalidOperationException($"'{path}' is not a raster GDAL can read ({ex.Message.ReplaceLineEndings(" ")}).", ex);
            }
        }
        else
        {
            throw new FileNotFoundException($"'{path}' does not exist.", path);
        }

        if (dataset.GeoTransform is not { } gt || gt == GeoTransform.Identity || dataset.ProjectionWkt.Length == 0)
        {
            dataset.Dispose();
            throw new InvalidOperationException($"'{path}' has no georeferencing (no geotransform or CRS); it cannot be placed on a map.");
        }

        return dataset;
    }

    /// <summary>The zoom a warped copy of <paramref name="source"/> is written at.</summary>
    /// <param name="source">Any georeferenced raster.</param>
    /// <param name="maxZoom">The finest zoom the caller will tile, or null.</param>
    /// <returns>With <paramref name="maxZoom"/>: that zoom, but never finer than the source supports; without: the zoom
    /// whose resolution is closest to the source's pixel size in EPSG:3857.</returns>
    public static int ChooseZoom(GdalDataset source, int? maxZoom)
    {
        ArgumentNullException.ThrowIfNull(source);
        double pixel;
        using (var vrt = GdalUtilities.Warp(string.Empty, [source], ["-of", "VRT", "-t_srs", WebMercatorQuad.Crs]))
        {
            pixel = vrt.GeoTransform!.Value.PixelWidth;
        }

        var finest = WebMercatorQuad.NativeZoom(pixel);
        if (maxZoom is { } max)
        {
            return Math.Min(max, finest);
        }

        var closest = (int)Math.Round(Math.Log2(WebMercatorQuad.InitialResolution / pixel));
        return Math.Clamp(closest, 0, TileAddress.MaxZoom);
    }

    /// <summary>Writes a GoogleMapsCompatible EPSG:3857 COG (ZSTD, bilinear warp) of <paramref name="source"/>.</summary>
    /// <param name="source">Any georeferenced raster.</param>
    /// <param name="destination">The COG path.</param>
    /// <param name="zoom">The COG's native zoom (see <see cref="ChooseZoom"/>).</param>
    /// <param name="lastBandIsAlpha">Treat band 2 of 2 or band 4 of 4 as alpha (what <c>gdal2tiles.py</c> does).</param>
    /// <param name="threads">Threads for warping and compression.</param>
    /// <param name="progress">Receives progress in [0, 1].</param>
    /// <param name="cancellationToken">Stops the warp.</param>
    public static void Write(GdalDataset source, string destination, int zoom, bool lastBandIsAlpha, int threads,
        IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrEmpty(destination);
        var args = new List<string>
        {
            "-of", "COG", "-co", "TILING_SCHEME=GoogleMapsCompatible", "-co", "COMPRESS=ZSTD", "-co", "PREDICTOR=YES",
            "-co", "LEVEL=1", "-co", string.Create(CultureInfo.InvariantCulture, $"ZOOM_LEVEL={zoom}"),
            "-co", "WARP_RESAMPLING=bilinear", "-co", string.Create(CultureInfo.InvariantCulture, $"NUM_THREADS={Math.Max(1, threads)}"),
        };
        if (lastBandIsAlpha && source.BandCount is 2 or 4)
        {
            args.Add(string.Create(CultureInfo.InvariantCulture, $"-colorinterp_{source.BandCount}"));
            args.Add("alpha");
        }

        using var cog = GdalUtilities.Translate(destination, source, args, progress, cancellationToken);
        cog.Close();
    }
}
