using EarthData.Core.Tiling;
using EarthData.Gdal;
using EarthData.Imaging.Layers;
using EarthData.Jobs.Pipeline;
using EarthData.Samples;

namespace EarthData.Jobs.Tests.Pipeline;

/// <summary>
/// True colour on a CBERS-4A WPM scene shaped like a real one (issue 9): five 10-bit Int16 band files, band 0
/// panchromatic at four times the resolution, 2–98 % DN cuts blue 322–435, green 206–382, red 86–265, and the
/// staggered band footprints of the WPM detectors (each multispectral band's valid area starts some rows after red's).
/// The published thumbnail and tiles must be as balanced as a plain per-band 2–98 % stretch of the same COG.
/// </summary>
[Collection(PublishTestGroup.Name)]
public sealed class TrueColourBalanceTests : IDisposable
{
    /// <summary>Band number → (2 %, 98 %) DN cut; pan and NIR are not drawn but are present like in a real scene.</summary>
    private static readonly Dictionary<int, (double Low, double High)> Cuts = new()
    {
        [0] = (200, 520), [1] = (322, 435), [2] = (206, 382), [3] = (86, 265), [4] = (150, 420),
    };

    /// <summary>Rows by which a band's valid footprint starts after red's (band-to-band registration of the detectors).</summary>
    private static readonly Dictionary<int, int> Stagger = new() { [1] = 24, [2] = 12 };

    private const double Tolerance = 6;

    private readonly string _root = Directory.CreateTempSubdirectory("earthdata-wpm-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Process_WpmSceneWithStaggeredBandFootprints_ThumbnailAndTilesBalancedLikeAPerBandStretch()
    {
        var scene = SyntheticSceneGenerator.Generate(new SyntheticSceneOptions
        {
            OutputRoot = Path.Combine(_root, "archive"), Collection = "CBERS4A-WPM", Scale = 0.05, Seed = 3,
        }).Scenes[0];
        ReshapeLikeARealScene(scene.Directory);

        var processed = new SceneProcessor(Path.Combine(_root, "staging")).Process(scene.Directory, new SceneProcessingOptions
        {
            Layers = [LayerDefinition.TrueColor], Threads = 2,
        });

        var reference = PerBandStretchMeans(processed.PathOf(processed.Manifest.Cog));
        var thumbnail = OpaqueMeans([processed.PathOf(processed.Manifest.Thumbnail)]);
        var layer = processed.Manifest.Layers[0];
        var nativeTiles = Directory.GetFiles(Path.Combine(processed.WorkDirectory, layer.Directory, layer.Zooms[^1].Zoom.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            "*.png", SearchOption.AllDirectories);
        var tiles = OpaqueMeans(nativeTiles);
        for (var c = 0; c < 3; c++)
        {
            var message = $"channel {"RGB"[c]}: reference {Format(reference)}, thumbnail {Format(thumbnail.Means)}, tiles {Format(tiles.Means)}";
            Assert.True(Math.Abs(thumbnail.Means[c] - reference[c]) <= Tolerance, message);
            Assert.True(Math.Abs(tiles.Means[c] - reference[c]) <= Tolerance, message);
        }
    }

    [Fact]
    public void Process_Thumbnail_FillsItsFrameWithTheFootprintKeepingItsAspect()
    {
        var scene = SyntheticSceneGenerator.Generate(new SyntheticSceneOptions
        {
            OutputRoot = Path.Combine(_root, "archive"), Collection = "CBERS4-MUX", Scale = 0.03, Seed = 8,
        }).Scenes[0];

        var processed = new SceneProcessor(Path.Combine(_root, "staging")).Process(scene.Directory, new SceneProcessingOptions
        {
            Layers = [LayerDefinition.TrueColor], Threads = 2,
        });

        var thumbnail = OpaqueMeans([processed.PathOf(processed.Manifest.Thumbnail)]);
        Assert.Equal(256, Math.Max(thumbnail.Width, thumbnail.Height));
        Assert.True(thumbnail.BoxWidth >= 0.9 && thumbnail.BoxHeight >= 0.9,
            $"the scene covers {thumbnail.BoxWidth:P0} x {thumbnail.BoxHeight:P0} of its {thumbnail.Width} x {thumbnail.Height} thumbnail");
        var box = processed.Metadata.Footprint.Envelope;
        var (west, south) = WebMercatorQuad.LonLatToMeters(box.MinX, box.MinY);
        var (east, north) = WebMercatorQuad.LonLatToMeters(box.MaxX, box.MaxY);
        Assert.Equal((east - west) / (north - south), (double)thumbnail.Width / thumbnail.Height, 0.02 * (east - west) / (north - south) + (1.0 / thumbnail.Height));
    }

    /// <summary>
    /// Rewrites every band file: valid pixels get the issue's distribution (a shared spatial structure, the rank of the
    /// generated red band, mapped linearly so 2 % fall below and 2 % above each band's cuts); the staggered bands lose
    /// the first rows of their footprint.
    /// </summary>
    private static void ReshapeLikeARealScene(string directory)
    {
        string File(int band) => Directory.GetFiles(directory, $"*_BAND{band}.tif").Single();
        int width, height;
        short[] red;
        using (var source = GdalDataset.Open(File(3)))
        {
            (width, height) = (source.Width, source.Height);
            red = new short[width * height];
            source.GetBand(1).Read(0, 0, width, height, red.AsSpan());
        }

        var valid = Enumerable.Range(0, red.Length).Where(i => red[i] != 0).OrderBy(i => red[i]).ToArray();
        var rank = new double[red.Length];
        for (var k = 0; k < valid.Length; k++)
        {
            rank[valid[k]] = (k + 0.5) / valid.Length;
        }

        var top = new int[width];
        for (var x = 0; x < width; x++)
        {
            top[x] = height;
            for (var y = 0; y < height; y++)
            {
                if (red[(y * width) + x] != 0)
                {
                    top[x] = y;
                    break;
                }
            }
        }

        foreach (var (band, (low, high)) in Cuts)
        {
            using var dataset = GdalDataset.Open(File(band), GdalAccess.Update);
            var factor = dataset.Width / width;
            var values = new short[dataset.Width * dataset.Height];
            for (var y = 0; y < dataset.Height; y++)
            {
                for (var x = 0; x < dataset.Width; x++)
                {
                    var (sx, sy) = (x / factor, y / factor);
                    var i = (sy * width) + sx;
                    if (red[i] != 0 && sy >= top[sx] + Stagger.GetValueOrDefault(band))
                    {
                        var v = low + ((high - low) * (rank[i] - 0.02) / 0.96);
                        values[(y * dataset.Width) + x] = (short)Math.Clamp(Math.Round(v), 1, 1023);
                    }
                }
            }

            dataset.GetBand(1).Write(0, 0, dataset.Width, dataset.Height, (ReadOnlySpan<short>)values);
        }
    }

    /// <summary>
    /// Mean R, G, B (1–255) of the COG under a plain per-band 2–98 % stretch, each band's cuts from its own valid pixels,
    /// averaged over the pixels where all three are valid (read from the overviews, about 1024 pixels a side).
    /// </summary>
    private static double[] PerBandStretchMeans(string cogPath)
    {
        using var cog = GdalDataset.Open(cogPath);
        var scale = Math.Min(1.0, 1024.0 / Math.Max(cog.Width, cog.Height));
        var (w, h) = (Math.Max(1, (int)(cog.Width * scale)), Math.Max(1, (int)(cog.Height * scale)));
        var bands = new[] { "red", "green", "blue" }.Select(name => BandCommonNames.Find(cog, name)).ToArray();
        var values = new float[3][];
        var masks = new byte[3][];
        for (var c = 0; c < 3; c++)
        {
            values[c] = new float[w * h];
            masks[c] = new byte[w * h];
            cog.GetBand(bands[c]).Read(0, 0, cog.Width, cog.Height, values[c].AsSpan(), w, h);
            cog.GetBand(bands[c]).GetMaskBand().Read(0, 0, cog.Width, cog.Height, masks[c].AsSpan(), w, h);
        }

        var means = new double[3];
        var common = Enumerable.Range(0, w * h).Where(i => masks[0][i] != 0 && masks[1][i] != 0 && masks[2][i] != 0).ToArray();
        for (var c = 0; c < 3; c++)
        {
            var own = Enumerable.Range(0, w * h).Where(i => masks[c][i] != 0).Select(i => (double)values[c][i]).Order().ToArray();
            var (low, high) = (own[(int)(0.02 * (own.Length - 1))], own[(int)(0.98 * (own.Length - 1))]);
            means[c] = common.Average(i => 1 + (254 * Math.Clamp((values[c][i] - low) / (high - low), 0, 1)));
        }

        return means;
    }

    /// <summary>Mean R, G, B of the opaque pixels of RGB(A) PNGs, and (for one image) the share of the frame the opaque pixels' box spans.</summary>
    private static (double[] Means, int Width, int Height, double BoxWidth, double BoxHeight) OpaqueMeans(IEnumerable<string> pngs)
    {
        var sums = new double[3];
        long count = 0;
        var (width, height, minX, minY, maxX, maxY) = (0, 0, int.MaxValue, int.MaxValue, -1, -1);
        foreach (var png in pngs)
        {
            using var image = GdalDataset.Open(png);
            (width, height) = (image.Width, image.Height);
            // Our PNG writer drops the alpha channel of fully opaque tiles.
            var planes = new byte[4][];
            for (var b = 0; b < 4; b++)
            {
                planes[b] = new byte[width * height];
                if (b < image.BandCount)
                {
                    image.GetBand(b + 1).Read(0, 0, width, height, planes[b].AsSpan());
                }
                else
                {
                    planes[b].AsSpan().Fill(255);
                }
            }

            for (var i = 0; i < width * height; i++)
            {
                if (planes[3][i] == 255)
                {
                    count++;
                    for (var c = 0; c < 3; c++)
                    {
                        sums[c] += planes[c][i];
                    }

                    (minX, maxX) = (Math.Min(minX, i % width), Math.Max(maxX, i % width));
                    (minY, maxY) = (Math.Min(minY, i / width), Math.Max(maxY, i / width));
                }
            }
        }

        Assert.True(count > 0, "no opaque pixel");
        return ([.. sums.Select(s => s / count)], width, height, (maxX - minX + 1.0) / width, (maxY - minY + 1.0) / height);
    }

    private static string Format(double[] rgb) => string.Join("/", rgb.Select(v => v.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)));
}
