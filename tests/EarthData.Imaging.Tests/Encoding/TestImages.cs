namespace EarthData.Imaging.Tests.Encoding;

/// <summary>Synthetic RGBA images for encoder and pyramid tests.</summary>
internal static class TestImages
{
    public static byte[] Random(int width, int height, int seed)
    {
        var rgba = new byte[width * height * 4];
        new Random(seed).NextBytes(rgba);
        return rgba;
    }

    public static byte[] Gradient(int width, int height, bool opaque = true)
    {
        var rgba = new byte[width * height * 4];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var o = ((y * width) + x) * 4;
                rgba[o] = (byte)(x * 255 / Math.Max(1, width - 1));
                rgba[o + 1] = (byte)(y * 255 / Math.Max(1, height - 1));
                rgba[o + 2] = (byte)((x + y) & 0xFF);
                rgba[o + 3] = opaque ? (byte)255 : (byte)((x * 7) + y);
            }
        }

        return rgba;
    }

    /// <summary>Smooth "terrain" with sensor-like noise and a transparent corner, like a scene-edge tile.</summary>
    public static byte[] Imagery(int width, int height, int seed, bool withEdge = true)
    {
        var rng = new Random(seed);
        var rgba = new byte[width * height * 4];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var o = ((y * width) + x) * 4;
                if (withEdge && x + y < width / 3)
                {
                    continue; // outside the scene: 0,0,0,0
                }

                var field = 0.5 + (0.25 * Math.Sin(x * 0.043 + seed)) + (0.2 * Math.Cos(y * 0.031 - (x * 0.011)));
                for (var c = 0; c < 3; c++)
                {
                    var v = (field * (180 + (c * 25))) + rng.Next(-6, 7);
                    rgba[o + c] = (byte)Math.Clamp(v, 0, 255);
                }

                rgba[o + 3] = 255;
            }
        }

        return rgba;
    }
}
