using EarthData.Gdal;
using EarthData.Imaging.Layers;
using EarthData.Imaging.Pyramid;
using EarthData.Samples;

namespace EarthData.Benchmarks;

/// <summary>Realistic 256×256 RGBA tiles: true-colour native tiles of a generated CBERS-4 MUX scene (interior and edge).</summary>
public static class EncoderTiles
{
    /// <summary>Generates the scene, warps it with the COG writer and renders <paramref name="count"/> tiles.</summary>
    public static byte[][] Render(int count)
    {
        var root = Path.Combine(Path.GetTempPath(), "earthdata-encbench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        try
        {
            var scene = SyntheticSceneGenerator.Generate(new SyntheticSceneOptions { OutputRoot = root, Scale = 0.25 }).Scenes[0];
            var cog = Path.Combine(root, "scene.tif");
            AlignedCogSource.Write(scene.Directory, cog, root, false, Environment.ProcessorCount);
            using var ds = GdalDataset.Open(cog);
            var renderer = LayerRenderer.Create(ds, LayerDefinition.TrueColor);
            var tiles = new List<byte[]>();
            var cols = ds.Width / 256;
            var rows = ds.Height / 256;
            // Spread the picks over the whole grid so both interior (opaque) and footprint-edge (partly transparent) tiles come up.
            var step = Math.Max(1, (cols * rows) / (count * 2));
            for (var i = 0; i < cols * rows && tiles.Count < count; i += step)
            {
                var (c, r) = (i % cols, i / cols);
                var rgba = new byte[TileDownsampler.TileBytes];
                if (renderer.Render(ds, new TileWindow(c * 256, r * 256, 256, 256, 0, 0, 256, 256, ResampleAlgorithm.Average), rgba))
                {
                    tiles.Add(rgba);
                }
            }

            return [.. tiles];
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
